import { readFileSync } from 'node:fs';

/**
 * Secrets from files (issue 29): every password or key the project reads from the environment as NAME may instead be
 * given as NAME_FILE, the path of a file holding it (systemd `LoadCredential=`, Docker/Kubernetes secrets, a file
 * readable by the service's user only), so it never sits in the environment or a unit file. NAME_FILE wins over NAME;
 * one trailing newline is dropped (editors and `echo` add one). A NAME_FILE that cannot be read is an error, never a
 * silent fall-back to a generated or default secret.
 */
export function readSecret(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const file = env[`${name}_FILE`];
  if (file) {
    try {
      return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (err) {
      throw new Error(`${name}_FILE=${file} 无法读取 (cannot read the secret file): ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  return env[name] || undefined;
}
