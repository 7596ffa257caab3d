import {
  baseType,
  buildSubgraph,
  collectTargetFields,
  isCompositeType,
  type CompositeType,
  type Directive,
  type FieldDefinition,
  type FederationMetadata,
  type NamedType,
  type Subgraph,
} from '@apollo/federation-internals';
import type { RegisteredSubgraph } from '../kernel/schema/registry-file.js';

// What each subgraph declares, read from its SDL through Federation's own model: types, fields, keys, and every
// directive by its canonical Federation name (resolved through the subgraph's @link imports, so renaming
// `@override` on import does not hide it). The ownership policy (ownership.ts) and the probes judge these.

/** Directive names as Federation defines them, whatever a subgraph imported them as. */
const FEDERATION_DIRECTIVES = [
  'key',
  'override',
  'shareable',
  'external',
  'requires',
  'provides',
  'inaccessible',
  'tag',
  'extends',
  'interfaceObject',
  'authenticated',
  'requiresScopes',
  'policy',
  'context',
  'fromContext',
  'cost',
  'listSize',
  'cacheTag',
] as const;
export interface FieldDecl {
  name: string;
  external: boolean;
  /** Explicitly @shareable (the field or its type), not merely a key field. */
  shareable: boolean;
  overrideFrom: string | null;
  /** Canonical names of every directive applied to the field. */
  directives: string[];
  /** `Type.field` coordinates this field's @provides claims to return. */
  provides: string[];
}

export interface TypeDecl {
  subgraph: string;
  core: boolean;
  name: string;
  kind: NamedType['kind'];
  root: boolean;
  /** Normalised field sets of its @key directives. */
  keys: string[];
  /** `Type.field` coordinates the keys select. */
  keyFields: Set<string>;
  /** Canonical names of type-level directives. */
  directives: string[];
  fields: Map<string, FieldDecl>;
  /** Enum values, union members. */
  members: string[];
}

const normaliseFieldSet = (s: string) => s.replace(/[\s,]+/g, ' ').trim();

export function canonicalNamer(metadata: FederationMetadata): (d: Directive<never>) => string {
  const defs = new Map<unknown, string>();
  const getters: Record<(typeof FEDERATION_DIRECTIVES)[number], () => { name: string }> = {
    key: () => metadata.keyDirective(),
    override: () => metadata.overrideDirective(),
    shareable: () => metadata.shareableDirective(),
    external: () => metadata.externalDirective(),
    requires: () => metadata.requiresDirective(),
    provides: () => metadata.providesDirective(),
    inaccessible: () => metadata.inaccessibleDirective(),
    tag: () => metadata.tagDirective(),
    extends: () => metadata.extendsDirective(),
    interfaceObject: () => metadata.interfaceObjectDirective(),
    authenticated: () => metadata.authenticatedDirective(),
    requiresScopes: () => metadata.requiresScopesDirective(),
    policy: () => metadata.policyDirective(),
    context: () => metadata.contextDirective(),
    fromContext: () => metadata.fromContextDirective(),
    cost: () => metadata.costDirective(),
    listSize: () => metadata.listSizeDirective(),
    cacheTag: () => metadata.cacheTagDirective(),
  };
  for (const name of FEDERATION_DIRECTIVES) {
    try {
      defs.set(getters[name]().name, name);
    } catch {
      /* not available in this federation version: nobody can apply it */
    }
  }
  return (d) => defs.get(d.name) ?? d.name;
}

/** Reads what one subgraph declares; null when its SDL does not build (composition reports why). */
export function declarationsOf(entry: RegisteredSubgraph, sdl: string): TypeDecl[] | null {
  let subgraph: Subgraph;
  try {
    subgraph = buildSubgraph(entry.name, entry.url, sdl, true);
  } catch {
    return null;
  }
  const metadata = subgraph.metadata();
  const canonical = canonicalNamer(metadata);
  // A Federation 1 schema (no @link) lacks the newer directives: nothing can be applied through them.
  const applied = <T extends { appliedDirectivesOf: (d: never) => unknown[] }>(el: T, def: () => unknown) => {
    try {
      return el.appliedDirectivesOf(def() as never) as Directive<never, Record<string, unknown>>[];
    } catch {
      return [];
    }
  };
  const schema = subgraph.schema;
  const machinery = new Set(metadata.allFederationTypes().map((t) => t.name));
  const roots = new Set(schema.schemaDefinition.roots().map((r) => r.type.name));
  const out: TypeDecl[] = [];
  for (const type of schema.types()) {
    if (type.isBuiltIn || machinery.has(type.name) || type.name.includes('__') || type.name.startsWith('_')) continue;
    const directives = type.appliedDirectives.map((d) => canonical(d as Directive<never>));
    const decl: TypeDecl = {
      subgraph: entry.name,
      core: entry.core === true,
      name: type.name,
      kind: type.kind,
      root: roots.has(type.name),
      keys: [],
      keyFields: new Set(),
      directives,
      fields: new Map(),
      members: [],
    };
    if (type.kind === 'ObjectType' || type.kind === 'InterfaceType') {
      const typeShareable = directives.includes('shareable');
      for (const key of applied(type, () => metadata.keyDirective())) {
        decl.keys.push(normaliseFieldSet(String(key.arguments().fields)));
        try {
          for (const f of collectTargetFields({ parentType: type, directive: key as never, includeInterfaceFieldsImplementations: false, validate: false })) {
            decl.keyFields.add(`${f.parent.name}.${f.name}`);
          }
        } catch {
          /* an invalid key: composition reports it */
        }
      }
      for (const field of type.fields() as FieldDefinition<CompositeType>[]) {
        if (decl.root && (field.name === '_service' || field.name === '_entities')) continue;
        const fieldDirectives = field.appliedDirectives.map((d) => canonical(d as Directive<never>));
        const override = applied(field, () => metadata.overrideDirective())[0];
        const provides: string[] = [];
        const target = baseType(field.type!);
        for (const p of applied(field, () => metadata.providesDirective())) {
          if (!isCompositeType(target)) continue;
          try {
            for (const f of collectTargetFields({ parentType: target, directive: p as never, includeInterfaceFieldsImplementations: true, validate: false })) {
              provides.push(`${f.parent.name}.${f.name}`);
            }
          } catch {
            /* an invalid @provides: composition reports it */
          }
        }
        decl.fields.set(field.name, {
          name: field.name,
          external: metadata.isFieldExternal(field),
          shareable: typeShareable || fieldDirectives.includes('shareable'),
          overrideFrom: override ? String(override.arguments().from) : null,
          directives: fieldDirectives,
          provides,
        });
      }
    } else if (type.kind === 'InputObjectType') {
      for (const field of type.fields()) {
        decl.fields.set(field.name, { name: field.name, external: false, shareable: false, overrideFrom: null, directives: [], provides: [] });
      }
    } else if (type.kind === 'EnumType') {
      decl.members = type.values.map((v) => v.name);
    } else if (type.kind === 'UnionType') {
      decl.members = type.types().map((t) => t.name);
    }
    out.push(decl);
  }
  return out;
}
