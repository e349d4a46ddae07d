/** One object of a rendered overlay, as far as the checks read it. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  // Kind-specific bodies are walked by the rules that know them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec?: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: Record<string, any>;
}

/** `Kind/name` as an operator would type it after `kubectl get`. */
export function ref(object: Manifest): string {
  return `${object.kind}/${object.metadata.name}`;
}

export function ofKind(objects: Manifest[], kind: string): Manifest[] {
  return objects.filter((o) => o.kind === kind);
}

/** Does a matchLabels selector pick pods carrying these labels? */
export function selects(
  matchLabels: Record<string, string> | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  const wanted = Object.entries(matchLabels ?? {});
  return wanted.every(([k, v]) => labels?.[k] === v);
}
