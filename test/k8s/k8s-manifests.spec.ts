import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { topicNames } from '@stockflow/contracts';
import { orderTopics } from '../../apps/orders/src/orders/order-topics';
import { Manifest, ofKind } from './manifest';
import { K8S_DIR, renderOverlay } from './render-overlay';
import { alertProblems, dashboardProblems, headingAnchors } from './rules/alerts';
import { networkProblems } from './rules/network';
import { scalingProblems } from './rules/scaling';
import { kafkaLoginProblems } from './rules/kafka-login';
import { kafkaTopicProblems, kafkaUserProblems } from './rules/strimzi';
import {
  disruptionBudgetProblems,
  graceProblems,
  portProblems,
  probeProblems,
  replicaProblems,
  resourceProblems,
  securityProblems,
} from './rules/workloads';
import { schemaProblems } from './schema-validation';
import { DEFAULT_SHUTDOWN_SECONDS, consumers, definedMetrics, serviceTopics } from './source-facts';

// Renders every overlay with `kubectl kustomize`, validates every object against
// its schema, then checks the rules of docs/operations.md against the code the
// manifests deploy (topics, groups, metric names, shutdown deadline).

// kubectl and the ESM model process are child processes: seconds each on a loaded machine.
jest.setTimeout(60_000);

const topics = serviceTopics();
const metrics = definedMetrics();
const groups = consumers();
const runbooks = headingAnchors(readFileSync(join(K8S_DIR, '..', 'docs', 'operations.md'), 'utf8'));
const partitions = new Map([...topics].map(([name, facts]) => [name, facts.partitions]));

const overlays: Record<string, Manifest[]> = {};
function overlay(name: string): Manifest[] {
  overlays[name] ??= renderOverlay(join(K8S_DIR, 'overlays', name));
  return overlays[name];
}
/** A deep copy to break on purpose. */
function copy(objects: Manifest[]): Manifest[] {
  return JSON.parse(JSON.stringify(objects));
}
function find(objects: Manifest[], kind: string, name: string): Manifest {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`${kind}/${name} not rendered`);
  return found;
}
/** Topics a service checks at startup: the contract's, and orders' own two. */
function startupTopics(service: string): string[] {
  const contract = Object.values(topicNames(''));
  return service === 'orders' ? [...contract, ...Object.values(orderTopics(''))] : contract;
}

describe.each(['dev', 'prod', 'strimzi'])('k8s/overlays/%s', (name) => {
  it('renders with kubectl kustomize', () => {
    const objects = overlay(name);
    expect(
      ofKind(objects, 'Deployment')
        .map((d) => d.metadata.name)
        .sort(),
    ).toEqual(['channel-sync', 'compaction', 'gateway', 'ledger', 'orders']);
    expect(ofKind(objects, 'Job').map((j) => j.metadata.name)).toEqual(['stockflow-migrate']);
  });

  it('validates every object against its schema', () => {
    expect(schemaProblems(overlay(name))).toEqual([]);
  });

  it('points every Service and probe at a port the pods declare', () => {
    expect(portProblems(overlay(name))).toEqual([]);
  });

  it('runs every pod restricted, with requests and limits', () => {
    expect([...securityProblems(overlay(name)), ...resourceProblems(overlay(name))]).toEqual([]);
  });

  it('gives every Deployment its three probes, a grace period over its shutdown deadline and a PodDisruptionBudget', () => {
    const objects = overlay(name);
    expect([
      ...probeProblems(objects),
      ...graceProblems(objects, DEFAULT_SHUTDOWN_SECONDS),
      ...disruptionBudgetProblems(objects),
    ]).toEqual([]);
  });
});

describe.each(['prod', 'strimzi'])('k8s/overlays/%s (production)', (name) => {
  it('runs at least two of every service', () => {
    expect(replicaProblems(overlay(name))).toEqual([]);
  });

  it('scales the ledger, orders and channel-sync on their groups lag, never past the partitions', () => {
    const objects = overlay(name);
    expect(
      ofKind(objects, 'ScaledObject')
        .map((s) => s.spec.scaleTargetRef.name)
        .sort(),
    ).toEqual(['channel-sync', 'ledger', 'orders']);
    expect(scalingProblems(objects, partitions, groups)).toEqual([]);
  });

  it('denies all traffic by default and opens ingress from outside to the gateway only', () => {
    expect(networkProblems(overlay(name), 'gateway')).toEqual([]);
  });

  it('alerts on metrics the services define, each with a runbook in docs/operations.md', () => {
    const objects = overlay(name);
    const alerts = ofKind(objects, 'PrometheusRule').flatMap((r) =>
      r.spec.groups.flatMap((g: { rules: { alert: string }[] }) => g.rules.map((x) => x.alert)),
    );
    expect(alerts).toEqual(
      expect.arrayContaining([
        'StockflowConsumerLagGrowing',
        'StockflowConsumerStale',
        'StockflowDeadLettersGrowing',
        'StockflowCounterDrift',
        'StockflowNegativeStock',
        'StockflowOutboxBacklog',
        'StockflowTargetDown',
      ]),
    );
    expect(ofKind(objects, 'ServiceMonitor')).toHaveLength(1);
    expect(alertProblems(objects, metrics, runbooks)).toEqual([]);
  });
});

describe('k8s/overlays/strimzi (Kafka resources)', () => {
  it('declares every topic the services create, with their partitions and cleanup policy', () => {
    expect(kafkaTopicProblems(overlay('strimzi'), topics)).toEqual([]);
  });

  it('gives each service a KafkaUser allowed its groups, the topics it reads and the ones it checks at startup', () => {
    expect(kafkaUserProblems(overlay('strimzi'), startupTopics, groups)).toEqual([]);
  });

  it('logs each Deployment in as its own KafkaUser over TLS, with the cluster CA mounted', () => {
    expect(kafkaLoginProblems(overlay('strimzi'))).toEqual([]);
  });

  it('sizes KEDA against the KafkaTopics too', () => {
    const objects = overlay('strimzi');
    const declared = new Map(
      ofKind(objects, 'KafkaTopic').map((t) => [
        t.spec.topicName as string,
        t.spec.partitions as number,
      ]),
    );
    expect(scalingProblems(objects, declared, groups)).toEqual([]);
  });
});

describe('k8s/observability/stockflow-dashboard.json', () => {
  it('charts ingest, lag, orders, channel latency, dead letters and drift from metrics that exist', () => {
    const dashboard = JSON.parse(
      readFileSync(join(K8S_DIR, 'observability', 'stockflow-dashboard.json'), 'utf8'),
    );
    expect(
      dashboardProblems(dashboard, metrics, [
        /ingest/i,
        /lag/i,
        /decided orders/i,
        /channel delivery latency/i,
        /dead letters|dlq/i,
        /drift/i,
      ]),
    ).toEqual([]);
  });
});

// The rules above pass on the real overlays; these show each one fails when
// the rule is broken, so a green run means something.
describe('the checks catch a broken manifest', () => {
  it('a missing probe, limit or security setting, a port nobody declares', () => {
    const objects = copy(overlay('prod'));
    const ledger = find(objects, 'Deployment', 'ledger').spec.template.spec.containers[0];
    delete ledger.readinessProbe;
    ledger.livenessProbe.httpGet.port = 'metrics';
    find(objects, 'Service', 'orders').spec.ports[0].targetPort = 3020;
    delete ledger.resources.limits.memory;
    ledger.securityContext.readOnlyRootFilesystem = false;
    expect(probeProblems(objects)).toEqual([
      'Deployment/ledger container ledger: no readinessProbe',
    ]);
    expect(portProblems(objects)).toEqual([
      'Service/orders: targetPort 3020 is not a port of its pods',
      'Deployment/ledger container ledger: livenessProbe asks port metrics, which it does not declare',
    ]);
    expect(resourceProblems(objects)).toEqual([
      'Deployment/ledger container ledger: no memory limits',
    ]);
    expect(securityProblems(objects)).toEqual([
      'Deployment/ledger container ledger: readOnlyRootFilesystem is not true',
    ]);
  });

  it('a grace period shorter than the shutdown deadline, in the ConfigMap or the container', () => {
    const objects = copy(overlay('prod'));
    const config = ofKind(objects, 'ConfigMap').find((c) => c.data?.SHUTDOWN_TIMEOUT_SECONDS)!;
    config.data!.SHUTDOWN_TIMEOUT_SECONDS = '40';
    expect(graceProblems(objects, DEFAULT_SHUTDOWN_SECONDS)).toHaveLength(5);
    const again = copy(overlay('prod'));
    find(again, 'Deployment', 'orders').spec.template.spec.containers[0].env.push({
      name: 'SHUTDOWN_TIMEOUT_SECONDS',
      value: '25',
    });
    expect(graceProblems(again, DEFAULT_SHUTDOWN_SECONDS)).toEqual([
      expect.stringMatching(/^Deployment\/orders: terminationGracePeriodSeconds 30 /),
    ]);
  });

  it('a Deployment without its PodDisruptionBudget, or with one replica in production', () => {
    const objects = copy(overlay('prod')).filter(
      (o) => !(o.kind === 'PodDisruptionBudget' && o.metadata.name === 'compaction'),
    );
    find(objects, 'Deployment', 'gateway').spec.replicas = 1;
    find(objects, 'ScaledObject', 'orders').spec.minReplicaCount = 1;
    find(objects, 'Deployment', 'ledger').spec.replicas = 2;
    expect(disruptionBudgetProblems(objects)).toEqual([
      'Deployment/compaction: no PodDisruptionBudget selects its pods',
    ]);
    expect(replicaProblems(objects).sort()).toEqual([
      'Deployment/gateway: replicas 1, production needs at least 2',
      'Deployment/ledger: sets replicas although ScaledObject/ledger sizes it (every apply would reset it)',
      'ScaledObject/orders: minReplicaCount 1, production needs at least 2',
    ]);
  });

  it('a ScaledObject past its partitions, or on a group the service does not use', () => {
    const objects = copy(overlay('prod'));
    const ledger = find(objects, 'ScaledObject', 'ledger');
    ledger.spec.maxReplicaCount = 7;
    ledger.spec.triggers[0].metadata.consumerGroup = 'stockflow-ledgr';
    expect(scalingProblems(objects, partitions, groups)).toEqual([
      'ScaledObject/ledger: maxReplicaCount 7 exceeds the 6 partitions of inventory.events',
      expect.stringContaining('ScaledObject/ledger: group stockflow-ledgr is not one of ledger'),
    ]);
  });

  it('no default deny, or a second service open to the world', () => {
    const objects = copy(overlay('prod')).filter((o) => o.metadata.name !== 'default-deny');
    find(objects, 'NetworkPolicy', 'ledger').spec.ingress = [{ ports: [{ port: 3001 }] }];
    expect(networkProblems(objects, 'gateway')).toEqual([
      expect.stringContaining('no default-deny NetworkPolicy'),
      'NetworkPolicy/ledger: takes ingress from anywhere, but only gateway may',
    ]);
  });

  it('an alert on a metric no service defines, or without its runbook', () => {
    const objects = copy(overlay('prod'));
    const rule = ofKind(objects, 'PrometheusRule')[0].spec.groups[0].rules[0];
    rule.expr = 'sum(stockflow_consumer_lags) > 0';
    rule.annotations.runbook = 'docs/operations.md#no-such-section';
    expect(alertProblems(objects, metrics, runbooks)).toEqual([
      `PrometheusRule/stockflow alert ${rule.alert}: metric stockflow_consumer_lags is defined by no service`,
      `PrometheusRule/stockflow alert ${rule.alert}: docs/operations.md has no section #no-such-section`,
    ]);
  });

  it('an object that does not fit its schema', () => {
    const objects = copy(overlay('strimzi'));
    find(objects, 'Deployment', 'gateway').spec.template.spec.containers[0].resources.limits =
      '1Gi';
    find(objects, 'ScaledObject', 'orders').spec.triggers[0].metadata.lagThreshold = 500;
    find(objects, 'KafkaTopic', 'inventory-events').spec.partition = 6;
    find(objects, 'PrometheusRule', 'stockflow').spec.groups[0].rules[0].for = 'ten minutes';
    const problems = schemaProblems(objects);
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/Deployment\/gateway: .*resources\/limits must be object/);
    expect(problems.join('\n')).toMatch(/ScaledObject\/orders: .*lagThreshold must be string/);
    expect(problems.join('\n')).toMatch(
      /KafkaTopic\/inventory-events: .*must NOT have additional properties/,
    );
    expect(problems.join('\n')).toMatch(/PrometheusRule\/stockflow: .*for must match pattern/);
  });

  it('a KafkaTopic with other partitions than the services create, or a user without its group', () => {
    const objects = copy(overlay('strimzi'));
    find(objects, 'KafkaTopic', 'inventory-stock-levels').spec.partitions = 3;
    const ledger = find(objects, 'KafkaUser', 'stockflow-ledger');
    ledger.spec.authorization.acls = ledger.spec.authorization.acls.filter(
      (a: { resource: { type: string } }) => a.resource.type !== 'group',
    );
    expect(kafkaTopicProblems(objects, topics)).toEqual([
      'KafkaTopic/inventory-stock-levels: 3 partitions, the services create inventory.stock-levels with 6',
    ]);
    expect(kafkaUserProblems(objects, startupTopics, groups)).toEqual([
      'KafkaUser/stockflow-ledger: cannot Read group stockflow-ledger of ledger',
      'KafkaUser/stockflow-ledger: cannot Read group stockflow-ledger-pools of ledger',
    ]);
  });

  it("a Deployment logging in as another service's user, or without the cluster CA", () => {
    const objects = copy(overlay('strimzi'));
    const orders = find(objects, 'Deployment', 'orders').spec.template.spec;
    const password = orders.containers[0].env.find(
      (e: { name: string }) => e.name === 'KAFKA_SASL_PASSWORD',
    );
    password.valueFrom.secretKeyRef.name = 'stockflow-ledger';
    const ledger = find(objects, 'Deployment', 'ledger').spec.template.spec;
    ledger.volumes = ledger.volumes.filter((v: { name: string }) => v.name !== 'kafka-ca');
    const gateway = find(objects, 'Deployment', 'gateway').spec.template.spec.containers[0];
    gateway.env.push({ name: 'KAFKA_SASL_USERNAME', value: 'stockflow-ledger' });
    gateway.env.push({ name: 'KAFKA_SSL', value: 'false' });
    expect(kafkaLoginProblems(objects)).toEqual([
      'Deployment/gateway: KAFKA_SASL_USERNAME is stockflow-ledger, not its own user stockflow-gateway',
      'Deployment/gateway: KAFKA_SSL is not true (the SCRAM listener takes TLS only)',
      'Deployment/ledger: KAFKA_SSL_CA_FILE /etc/stockflow/kafka-ca/ca.crt is not key ca.crt of Secret stockflow-cluster-ca-cert mounted in the pod',
      'Deployment/orders: KAFKA_SASL_PASSWORD comes from stockflow-ledger/password, the User Operator writes it to stockflow-orders/password',
    ]);
  });
});
