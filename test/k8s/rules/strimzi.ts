import { Manifest, ofKind, ref } from '../manifest';
import { ConsumerFacts, TopicFacts } from '../source-facts';

interface Acl {
  resource: { type: string; name: string; patternType?: string };
  operations: string[];
}

function topicName(t: Manifest): string {
  return t.spec.topicName ?? t.metadata.name;
}

/** A KafkaTopic for every topic a service creates, with the same partitions and cleanup policy. */
export function kafkaTopicProblems(
  objects: Manifest[],
  expected: Map<string, TopicFacts>,
): string[] {
  const declared = new Map(ofKind(objects, 'KafkaTopic').map((t) => [topicName(t), t]));
  const problems: string[] = [];
  for (const [name, facts] of expected) {
    const t = declared.get(name);
    if (!t) {
      problems.push(`no KafkaTopic for ${name}, which the services create`);
      continue;
    }
    if (t.spec.partitions !== facts.partitions)
      problems.push(
        `${ref(t)}: ${t.spec.partitions} partitions, the services create ${name} with ${facts.partitions}`,
      );
    const compacted = String(t.spec.config?.['cleanup.policy'] ?? 'delete').includes('compact');
    if (compacted !== facts.compacted)
      problems.push(
        `${ref(t)}: cleanup.policy ${compacted ? 'compact' : 'delete'}, the services expect ${facts.compacted ? 'compact' : 'delete'}`,
      );
  }
  return problems;
}

function allows(acls: Acl[], type: string, name: string, operation: string): boolean {
  const implied: Record<string, string[]> = {
    Describe: ['Describe', 'Read', 'Write', 'All'],
    Read: ['Read', 'All'],
    Write: ['Write', 'All'],
  };
  return acls.some(
    (a) =>
      a.resource.type === type &&
      (a.resource.patternType === 'prefix'
        ? name.startsWith(a.resource.name)
        : a.resource.name === name) &&
      a.operations.some((op) => (implied[operation] ?? [operation]).includes(op)),
  );
}

/**
 * Each Deployment logs in as a KafkaUser of the overlay (its Secret holds the
 * password), that user may Read each consumer group and topic of the service and may see
 * every topic the service checks at startup (ensureTopics would otherwise try to
 * create it and fail on the missing Create right).
 */
export function kafkaUserProblems(
  objects: Manifest[],
  startupTopics: (service: string) => string[],
  groups: Record<string, ConsumerFacts>,
): string[] {
  const users = new Map(
    ofKind(objects, 'KafkaUser').map((u) => [
      u.metadata.name,
      (u.spec.authorization?.acls ?? []) as Acl[],
    ]),
  );
  const problems: string[] = [];
  for (const d of ofKind(objects, 'Deployment')) {
    const env: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string } } }[] =
      d.spec.template.spec.containers[0].env ?? [];
    const username = env.find((e) => e.name === 'KAFKA_SASL_USERNAME')?.value;
    const password = env.find((e) => e.name === 'KAFKA_SASL_PASSWORD')?.valueFrom?.secretKeyRef
      ?.name;
    if (!username || !users.has(username)) {
      problems.push(`${ref(d)}: KAFKA_SASL_USERNAME ${username} is no KafkaUser of this overlay`);
      continue;
    }
    if (password !== username)
      problems.push(
        `${ref(d)}: KAFKA_SASL_PASSWORD comes from Secret ${password}, the User Operator writes it to ${username}`,
      );
    const acls = users.get(username)!;
    for (const topic of startupTopics(d.metadata.name)) {
      if (!allows(acls, 'topic', topic, 'Describe'))
        problems.push(
          `KafkaUser/${username}: cannot Describe ${topic}, which ${d.metadata.name} checks at startup`,
        );
    }
    const own = groups[d.metadata.name];
    for (const group of own
      ? [...own.exact, ...(own.prefix ? [`${own.prefix}example-channel`] : [])]
      : []) {
      if (!allows(acls, 'group', group, 'Read'))
        problems.push(`KafkaUser/${username}: cannot Read group ${group} of ${d.metadata.name}`);
    }
    for (const topic of own?.reads ?? []) {
      if (!allows(acls, 'topic', topic, 'Read'))
        problems.push(
          `KafkaUser/${username}: cannot Read ${topic}, which ${d.metadata.name} consumes`,
        );
    }
  }
  return problems;
}
