import { Manifest, ofKind, ref } from '../manifest';

/** Series that Prometheus itself (`up`) or kube-state-metrics provide, not our services. */
const EXTERNAL_METRICS = new Set(['up', 'kube_deployment_status_replicas_unavailable']);
const HISTOGRAM_SUFFIX = /_(bucket|sum|count)$/;

/** The metric names a PromQL expression reads (ours start with stockflow_). */
export function metricNames(expr: string): string[] {
  const withoutLabels = expr.replace(/\{[^}]*\}/g, '');
  const ours = [...withoutLabels.matchAll(/\b(stockflow_[a-z0-9_]+)/g)].map((m) => m[1]);
  const external = [...withoutLabels.matchAll(/\b([a-z_][a-z0-9_]*)\b(?!\s*\()/g)]
    .map((m) => m[1])
    .filter((n) => EXTERNAL_METRICS.has(n) || n.startsWith('kube_'));
  return [...new Set([...ours, ...external])];
}

function unknownMetrics(expr: string, defined: Set<string>): string[] {
  return metricNames(expr).filter((name) => {
    if (name.startsWith('stockflow_'))
      return !defined.has(name) && !defined.has(name.replace(HISTOGRAM_SUFFIX, ''));
    return !EXTERNAL_METRICS.has(name);
  });
}

/**
 * Every alert reads metrics that exist (a typo would make it silently never
 * fire) and names a runbook section that exists in docs/operations.md.
 */
export function alertProblems(
  objects: Manifest[],
  defined: Set<string>,
  runbookAnchors: Set<string>,
): string[] {
  const problems: string[] = [];
  for (const rule of ofKind(objects, 'PrometheusRule')) {
    for (const group of rule.spec.groups ?? []) {
      for (const alert of group.rules ?? []) {
        const at = `${ref(rule)} alert ${alert.alert ?? alert.record}`;
        if (metricNames(alert.expr).length === 0)
          problems.push(`${at}: its expression reads no metric`);
        for (const name of unknownMetrics(alert.expr, defined))
          problems.push(`${at}: metric ${name} is defined by no service`);
        if (!alert.alert) continue;
        const runbook: string | undefined = alert.annotations?.runbook;
        const anchor = runbook?.match(/^docs\/operations\.md#(.+)$/)?.[1];
        if (!anchor) problems.push(`${at}: no runbook annotation (docs/operations.md#<section>)`);
        else if (!runbookAnchors.has(anchor))
          problems.push(`${at}: docs/operations.md has no section #${anchor}`);
      }
    }
  }
  return problems;
}

/** Grafana dashboard JSON, as far as these checks read it. */
interface Dashboard {
  panels?: { title: string; targets?: { expr: string }[] }[];
}

/** Every panel queries metrics that exist, and the panels an operator needs are there. */
export function dashboardProblems(
  dashboard: Dashboard,
  defined: Set<string>,
  requiredPanels: RegExp[],
): string[] {
  const problems: string[] = [];
  const panels = dashboard.panels ?? [];
  for (const panel of panels) {
    for (const target of panel.targets ?? []) {
      for (const name of unknownMetrics(target.expr, defined))
        problems.push(`dashboard panel "${panel.title}": metric ${name} is defined by no service`);
    }
  }
  for (const wanted of requiredPanels) {
    if (!panels.some((p) => wanted.test(p.title)))
      problems.push(`dashboard: no panel matching ${wanted}`);
  }
  return problems;
}

/** GitHub-style anchors of the Markdown headings of a document. */
export function headingAnchors(markdown: string): Set<string> {
  return new Set(
    [...markdown.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) =>
      m[1]
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9 _-]/g, '')
        .replace(/ /g, '-'),
    ),
  );
}
