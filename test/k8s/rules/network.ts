import { Manifest, ofKind, ref, selects } from '../manifest';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Rule = any;

/**
 * Default deny in and out, the gateway the only pod open to the world, every
 * other ingress limited to named peers, and every workload given explicit
 * allowances (so default-deny does not silently cut it off).
 */
export function networkProblems(objects: Manifest[], publicService: string): string[] {
  const policies = ofKind(objects, 'NetworkPolicy');
  const problems: string[] = [];
  const denyAll = policies.some(
    (p) =>
      Object.keys(p.spec.podSelector ?? {}).length === 0 &&
      ['Ingress', 'Egress'].every((t) => (p.spec.policyTypes ?? []).includes(t)) &&
      !(p.spec.ingress ?? []).length &&
      !(p.spec.egress ?? []).length,
  );
  if (!denyAll)
    problems.push(
      'no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)',
    );
  for (const p of policies) {
    const open = (p.spec.ingress ?? []).some(
      (r: Rule) => !r.from?.length || r.from.some((peer: Rule) => peer.ipBlock),
    );
    if (!open) continue;
    const selector = p.spec.podSelector?.matchLabels ?? {};
    if (selector['app.kubernetes.io/name'] !== publicService)
      problems.push(`${ref(p)}: takes ingress from anywhere, but only ${publicService} may`);
  }
  for (const w of objects.filter((o) => ['Deployment', 'Job'].includes(o.kind))) {
    const labels = w.spec.template.metadata?.labels;
    const own = policies.filter(
      (p) =>
        Object.keys(p.spec.podSelector?.matchLabels ?? {}).length > 0 &&
        selects(p.spec.podSelector.matchLabels, labels),
    );
    if (!own.some((p) => (p.spec.egress ?? []).length > 0))
      problems.push(`${ref(w)}: no NetworkPolicy allows its egress`);
  }
  return problems;
}
