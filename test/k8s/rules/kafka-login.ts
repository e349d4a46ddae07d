import { posix } from 'node:path';
import { Manifest, ofKind, ref } from '../manifest';

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string } };
}

/** A container's variables as the pod sees them: its ConfigMaps (envFrom), then its own env on top. */
function effectiveEnv(objects: Manifest[], container: Manifest['spec']): Map<string, EnvVar> {
  const env = new Map<string, EnvVar>();
  for (const from of container.envFrom ?? []) {
    const name = from.configMapRef?.name;
    const map = ofKind(objects, 'ConfigMap').find((c) => c.metadata.name === name);
    for (const [key, value] of Object.entries(map?.data ?? {}))
      env.set(key, { name: key, value: String(value) });
  }
  for (const e of (container.env ?? []) as EnvVar[]) env.set(e.name, e);
  return env;
}

/**
 * Every Deployment logs in to Kafka as its own KafkaUser (`stockflow-<name>`):
 * the mechanism that user authenticates with, the password from the Secret the
 * User Operator writes for it (key `password`), TLS on, and KAFKA_SSL_CA_FILE a
 * file the pod really has: key ca.crt of the cluster's CA Secret, mounted.
 */
export function kafkaLoginProblems(objects: Manifest[]): string[] {
  const users = new Map(ofKind(objects, 'KafkaUser').map((u) => [u.metadata.name, u]));
  const problems: string[] = [];
  for (const d of ofKind(objects, 'Deployment')) {
    const pod = d.spec.template.spec;
    const container = pod.containers[0];
    const env = effectiveEnv(objects, container);
    const own = `stockflow-${d.metadata.name}`;
    const user = users.get(own);
    const username = env.get('KAFKA_SASL_USERNAME')?.value;
    if (!user) {
      problems.push(`${ref(d)}: no KafkaUser ${own} in this overlay`);
      continue;
    }
    if (username !== own)
      problems.push(`${ref(d)}: KAFKA_SASL_USERNAME is ${username}, not its own user ${own}`);
    const secret = env.get('KAFKA_SASL_PASSWORD')?.valueFrom?.secretKeyRef;
    if (secret?.name !== own || secret.key !== 'password')
      problems.push(
        `${ref(d)}: KAFKA_SASL_PASSWORD comes from ${secret ? `${secret.name}/${secret.key}` : 'no Secret'}, the User Operator writes it to ${own}/password`,
      );
    const mechanism = env.get('KAFKA_SASL_MECHANISM')?.value;
    if (mechanism !== user.spec.authentication?.type)
      problems.push(
        `${ref(d)}: KAFKA_SASL_MECHANISM is ${mechanism}, KafkaUser/${own} authenticates with ${user.spec.authentication?.type}`,
      );
    if (env.get('KAFKA_SSL')?.value !== 'true')
      problems.push(`${ref(d)}: KAFKA_SSL is not true (the SCRAM listener takes TLS only)`);
    const caSecret = `${user.metadata.labels?.['strimzi.io/cluster']}-cluster-ca-cert`;
    const caFile = env.get('KAFKA_SSL_CA_FILE')?.value ?? '';
    const mount = (container.volumeMounts ?? []).find(
      (m: { mountPath: string }) => m.mountPath === posix.dirname(caFile),
    );
    const volume = (pod.volumes ?? []).find((v: { name: string }) => v.name === mount?.name);
    const item = (volume?.secret?.items ?? [{ key: 'ca.crt', path: 'ca.crt' }]).find(
      (i: { path: string }) => i.path === posix.basename(caFile),
    );
    if (volume?.secret?.secretName !== caSecret || item?.key !== 'ca.crt')
      problems.push(
        `${ref(d)}: KAFKA_SSL_CA_FILE ${caFile || '(unset)'} is not key ca.crt of Secret ${caSecret} mounted in the pod`,
      );
  }
  return problems;
}
