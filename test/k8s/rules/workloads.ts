import { Manifest, ofKind, ref, selects } from '../manifest';

// Rules every Stockflow pod keeps, in every overlay. Each function returns the
// problems it found, one sentence each, so a failing test says what to fix.

const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'Job'];
/** Kubernetes' default when a pod sets none. */
const DEFAULT_GRACE_SECONDS = 30;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Container = any;

function containersOf(workload: Manifest): Container[] {
  return workload.spec?.template?.spec?.containers ?? [];
}

/**
 * The restricted profile: non-root, no privilege escalation, no capabilities,
 * seccomp RuntimeDefault; a read-only root (with a writable /tmp) for our own
 * Deployments and Jobs. The dev overlay's third-party StatefulSets keep the rest
 * but may need a writable root.
 */
export function securityProblems(objects: Manifest[]): string[] {
  const problems: string[] = [];
  for (const w of objects.filter((o) => WORKLOAD_KINDS.includes(o.kind))) {
    const pod = w.spec.template.spec;
    for (const c of containersOf(w)) {
      const at = `${ref(w)} container ${c.name}`;
      const sc = c.securityContext ?? {};
      const runAsNonRoot = sc.runAsNonRoot ?? pod.securityContext?.runAsNonRoot;
      const seccomp = sc.seccompProfile?.type ?? pod.securityContext?.seccompProfile?.type;
      if (runAsNonRoot !== true) problems.push(`${at}: runAsNonRoot is not true`);
      if (seccomp !== 'RuntimeDefault')
        problems.push(`${at}: seccompProfile is not RuntimeDefault`);
      if (sc.allowPrivilegeEscalation !== false)
        problems.push(`${at}: allowPrivilegeEscalation is not false`);
      if (!(sc.capabilities?.drop ?? []).includes('ALL'))
        problems.push(`${at}: capabilities do not drop ALL`);
      if (sc.privileged) problems.push(`${at}: privileged`);
      if (w.kind === 'StatefulSet') continue;
      if (sc.readOnlyRootFilesystem !== true)
        problems.push(`${at}: readOnlyRootFilesystem is not true`);
      const tmp = (c.volumeMounts ?? []).find((m: { mountPath: string }) => m.mountPath === '/tmp');
      const volume = tmp && (pod.volumes ?? []).find((v: { name: string }) => v.name === tmp.name);
      if (!volume?.emptyDir)
        problems.push(`${at}: no emptyDir mounted at /tmp (the root filesystem is read-only)`);
    }
  }
  return problems;
}

/** Requests and limits for CPU and memory on every container: the scheduler and the OOM killer need both. */
export function resourceProblems(objects: Manifest[]): string[] {
  const problems: string[] = [];
  for (const w of objects.filter((o) => WORKLOAD_KINDS.includes(o.kind))) {
    for (const c of containersOf(w)) {
      for (const kind of ['requests', 'limits']) {
        for (const resource of ['cpu', 'memory']) {
          if (!c.resources?.[kind]?.[resource])
            problems.push(`${ref(w)} container ${c.name}: no ${resource} ${kind}`);
        }
      }
    }
  }
  return problems;
}

/** Startup, readiness and liveness probes on every container of every Deployment. */
export function probeProblems(objects: Manifest[]): string[] {
  const problems: string[] = [];
  for (const d of ofKind(objects, 'Deployment')) {
    for (const c of containersOf(d)) {
      for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
        if (!c[probe]) problems.push(`${ref(d)} container ${c.name}: no ${probe}`);
      }
    }
  }
  return problems;
}

/**
 * terminationGracePeriodSeconds > preStop pause + SHUTDOWN_TIMEOUT_SECONDS, as
 * the container will see it (its env, else its envFrom ConfigMaps, else the
 * default): the service must reach its own deadline before Kubernetes SIGKILLs it.
 */
export function graceProblems(objects: Manifest[], defaultShutdownSeconds: number): string[] {
  const configMaps = new Map(
    ofKind(objects, 'ConfigMap').map((c) => [c.metadata.name, c.data ?? {}]),
  );
  const problems: string[] = [];
  for (const d of ofKind(objects, 'Deployment')) {
    const grace = d.spec.template.spec.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
    for (const c of containersOf(d)) {
      const shutdown = Number(shutdownSetting(c, configMaps) ?? defaultShutdownSeconds);
      const pause = c.lifecycle?.preStop?.sleep?.seconds ?? 0;
      if (!(grace > shutdown + pause)) {
        problems.push(
          `${ref(d)}: terminationGracePeriodSeconds ${grace} is not longer than preStop ${pause} s + SHUTDOWN_TIMEOUT_SECONDS ${shutdown} s`,
        );
      }
    }
  }
  return problems;
}

function shutdownSetting(
  c: Container,
  configMaps: Map<string, Record<string, string>>,
): string | undefined {
  const direct = (c.env ?? []).find((e: { name: string }) => e.name === 'SHUTDOWN_TIMEOUT_SECONDS');
  if (direct) return direct.value;
  let fromConfigMap: string | undefined;
  for (const source of c.envFrom ?? []) {
    // A later source wins for a key both define, as in the kubelet.
    const value =
      source.configMapRef && configMaps.get(source.configMapRef.name)?.SHUTDOWN_TIMEOUT_SECONDS;
    if (value !== undefined) fromConfigMap = value;
  }
  return fromConfigMap;
}

/** A PodDisruptionBudget selecting each Deployment's pods, so a node drain cannot take them all. */
export function disruptionBudgetProblems(objects: Manifest[]): string[] {
  const budgets = ofKind(objects, 'PodDisruptionBudget');
  return ofKind(objects, 'Deployment')
    .filter((d) => {
      const labels = d.spec.template.metadata?.labels;
      // An empty selector would match every pod of the namespace: not a budget for this one.
      return !budgets.some(
        (b) =>
          b.metadata.namespace === d.metadata.namespace &&
          Object.keys(b.spec?.selector?.matchLabels ?? {}).length > 0 &&
          selects(b.spec.selector.matchLabels, labels),
      );
    })
    .map((d) => `${ref(d)}: no PodDisruptionBudget selects its pods`);
}

/**
 * Production: two or more of every (stateless) service. A Deployment sized by a
 * ScaledObject leaves its replicas unset (or an apply would reset them) and
 * counts its autoscaler's minimum instead.
 */
export function replicaProblems(objects: Manifest[]): string[] {
  const problems: string[] = [];
  const scalers = new Map(
    ofKind(objects, 'ScaledObject').map((s) => [s.spec.scaleTargetRef?.name, s]),
  );
  for (const d of ofKind(objects, 'Deployment')) {
    const scaler = scalers.get(d.metadata.name);
    if (scaler && d.spec.replicas !== undefined) {
      problems.push(
        `${ref(d)}: sets replicas although ${ref(scaler)} sizes it (every apply would reset it)`,
      );
    }
    const least = scaler ? (scaler.spec.minReplicaCount ?? 0) : (d.spec.replicas ?? 1);
    if (least < 2) {
      problems.push(
        `${ref(scaler ?? d)}: ${scaler ? 'minReplicaCount' : 'replicas'} ${least}, production needs at least 2`,
      );
    }
  }
  return problems;
}

/**
 * Every Service selects a Deployment's pods and sends to a port they declare,
 * and every HTTP probe asks a declared port: a renamed port would otherwise
 * leave a Service without endpoints or a probe failing forever.
 */
export function portProblems(objects: Manifest[]): string[] {
  const problems: string[] = [];
  const workloads = objects.filter((o) => ['Deployment', 'StatefulSet'].includes(o.kind));
  const portsOf = (w: Manifest): (string | number)[] =>
    containersOf(w).flatMap((c) =>
      (c.ports ?? []).flatMap((p: { name?: string; containerPort: number }) => [
        p.containerPort,
        ...(p.name ? [p.name] : []),
      ]),
    );
  for (const s of ofKind(objects, 'Service')) {
    const backends = workloads.filter((w) =>
      selects(s.spec.selector, w.spec.template.metadata?.labels),
    );
    if (!s.spec.selector || backends.length === 0) {
      problems.push(`${ref(s)}: selects no pods of this overlay`);
      continue;
    }
    for (const port of s.spec.ports ?? []) {
      const target = port.targetPort ?? port.port;
      if (!backends.every((w) => portsOf(w).includes(target)))
        problems.push(`${ref(s)}: targetPort ${target} is not a port of its pods`);
    }
  }
  for (const w of workloads) {
    for (const c of containersOf(w)) {
      for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
        const port = c[probe]?.httpGet?.port ?? c[probe]?.tcpSocket?.port;
        if (port !== undefined && !portsOf(w).includes(port))
          problems.push(
            `${ref(w)} container ${c.name}: ${probe} asks port ${port}, which it does not declare`,
          );
      }
    }
  }
  return problems;
}
