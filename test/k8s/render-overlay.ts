import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Manifest } from './manifest';

export const K8S_DIR = join(__dirname, '..', '..', 'k8s');

/**
 * `kubectl kustomize <dir>`, parsed. A machine without kubectl fails here with
 * a message saying so: skipping would let a broken overlay through unseen.
 */
export function renderOverlay(dir: string): Manifest[] {
  let out: string;
  try {
    out = execFileSync('kubectl', ['kustomize', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') {
      throw new Error(
        'kubectl not found on PATH: test/k8s renders the overlays with `kubectl kustomize` and cannot check them without it. ' +
          'Install kubectl (1.27+, it includes kustomize), then rerun.',
      );
    }
    throw new Error(`kubectl kustomize ${dir} failed:\n${e.stderr ?? e.message}`);
  }
  const documents = parseAllDocuments(out);
  const objects: Manifest[] = [];
  for (const doc of documents) {
    if (doc.errors.length > 0)
      throw new Error(
        `unparsable YAML from ${dir}: ${doc.errors.map((x) => x.message).join('; ')}`,
      );
    const value = doc.toJS() as Manifest | null;
    if (value) objects.push(value);
  }
  return objects;
}
