import { GraphQLScalarType, Kind } from 'graphql';
import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';
import { badInput } from './errors.js';

// Library scalars under the project's names (same names in every subgraph so they compose).
export const DateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: 'Date',
  description: '日期 (YYYY-MM-DD, Asia/Shanghai legal date)',
});
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeISOResolver.toConfig(),
  name: 'DateTime',
  description: '时间戳 (ISO 8601, UTC)',
});

/** Money in yuan as a decimal string: never a float. */
const DECIMAL = /^(0|[1-9]\d{0,13})(\.\d{1,2})?$/;
function parseDecimal(v: unknown): string {
  if (typeof v !== 'string' || !DECIMAL.test(v)) {
    throw badInput('Decimal', '金额须为不带正负号的十进制字符串，最多两位小数，如 "500" 或 "1200.50"');
  }
  return v;
}
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: '金额（元），十进制字符串，最多两位小数',
  serialize: (v) => String(v),
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw badInput('Decimal', '金额须以字符串表示');
    return parseDecimal(ast.value);
  },
});

export const scalarResolvers = { Date: DateScalar, DateTime: DateTimeScalar, Decimal: DecimalScalar };
