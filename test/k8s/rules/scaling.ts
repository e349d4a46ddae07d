import { Manifest, ofKind, ref } from '../manifest';
import { ConsumerFacts } from '../source-facts';

/**
 * Every ScaledObject scales a Deployment of the overlay on kafka lag of a group
 * the service really uses, and never past the partitions of the topic it reads:
 * a member beyond the partition count gets nothing to do but rebalances.
 */
export function scalingProblems(
  objects: Manifest[],
  partitions: Map<string, number>,
  groups: Record<string, ConsumerFacts>,
): string[] {
  const deployments = new Set(ofKind(objects, 'Deployment').map((d) => d.metadata.name));
  const problems: string[] = [];
  for (const s of ofKind(objects, 'ScaledObject')) {
    const target = s.spec.scaleTargetRef?.name;
    if (!deployments.has(target))
      problems.push(`${ref(s)}: scales ${target}, which is no Deployment of this overlay`);
    const triggers: { type: string; metadata: Record<string, string> }[] = s.spec.triggers ?? [];
    if (triggers.length === 0) problems.push(`${ref(s)}: no triggers`);
    for (const t of triggers) {
      if (t.type !== 'kafka') {
        problems.push(
          `${ref(s)}: trigger ${t.type} is not kafka (the services scale on consumer-group lag)`,
        );
        continue;
      }
      const { topic, consumerGroup, bootstrapServers } = t.metadata;
      const count = partitions.get(topic);
      if (count === undefined)
        problems.push(`${ref(s)}: topic ${topic} is not a topic of the services`);
      else if ((s.spec.maxReplicaCount ?? 100) > count)
        problems.push(
          `${ref(s)}: maxReplicaCount ${s.spec.maxReplicaCount ?? 100} exceeds the ${count} partitions of ${topic}`,
        );
      const known = groups[target];
      if (!known) problems.push(`${ref(s)}: ${target} consumes no Kafka group`);
      else if (!known.reads.includes(topic))
        problems.push(`${ref(s)}: ${target} does not read ${topic}`);
      else if (
        !known.exact.includes(consumerGroup) &&
        !(known.prefix && consumerGroup.startsWith(known.prefix))
      ) {
        problems.push(
          `${ref(s)}: group ${consumerGroup} is not one of ${target}'s (${[...known.exact, `${known.prefix ?? ''}*`].join(', ')})`,
        );
      }
      if (!bootstrapServers || /set-from/.test(bootstrapServers))
        problems.push(`${ref(s)}: bootstrapServers not set (${bootstrapServers})`);
    }
  }
  return problems;
}
