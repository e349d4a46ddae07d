import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, startPrivateBroker } from '@stockflow/testing';

const run = promisify(execFile);

export interface SaslBroker {
  /** The SASL_SSL listener (SCRAM-SHA-512 over TLS), as Strimzi's `tls: true, scram-sha-512` one. */
  saslBrokers: string;
  /** The same broker without authentication, for setup only. */
  plainBrokers: string;
  /** PEM of the CA that signed the broker's certificate (Strimzi's `<cluster>-cluster-ca-cert` ca.crt). */
  caFile: string;
  stop(): Promise<void>;
}

/**
 * A single-node broker of its own (scripts/kafka.sh, never the shared one) with a
 * SASL_SSL listener: a throwaway CA signs a certificate for 127.0.0.1, and the
 * SCRAM users exist from the first start (`kafka-storage format --add-scram`).
 */
export async function startSaslBroker(
  dir: string,
  users: Record<string, string>,
): Promise<SaslBroker> {
  const saslPort = await freePort();
  const caFile = await issueCertificates(dir);
  const extraConfig = join(dir, 'sasl.properties');
  writeFileSync(
    extraConfig,
    [
      'sasl.enabled.mechanisms=SCRAM-SHA-512',
      'listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;',
      'listener.name.sasl_ssl.ssl.keystore.type=PEM',
      `listener.name.sasl_ssl.ssl.keystore.location=${join(dir, 'keystore.pem')}`,
      '',
    ].join('\n'),
  );
  const broker = await startPrivateBroker('sasl', {
    KAFKA_EXTRA_LISTENERS: `SASL_SSL://127.0.0.1:${saslPort}`,
    KAFKA_EXTRA_CONFIG: extraConfig,
    KAFKA_FORMAT_ARGS: Object.entries(users)
      .map(([name, password]) => `--add-scram SCRAM-SHA-512=[name=${name},password=${password}]`)
      .join(' '),
  });
  return {
    saslBrokers: `127.0.0.1:${saslPort}`,
    plainBrokers: broker.brokers,
    caFile,
    stop: () => broker.stop(),
  };
}

/** A CA and a server certificate for 127.0.0.1 it signed; the broker reads key and chain from one PEM file. */
async function issueCertificates(dir: string): Promise<string> {
  const at = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => run('openssl', args, { cwd: dir });
  await openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=stockflow-test-ca',
    '-keyout',
    at('ca.key'),
    '-out',
    at('ca.crt'),
  );
  await openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    at('server.key'),
    '-out',
    at('server.csr'),
  );
  writeFileSync(at('san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  await openssl(
    'x509',
    '-req',
    '-in',
    at('server.csr'),
    '-CA',
    at('ca.crt'),
    '-CAkey',
    at('ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    at('san.ext'),
    '-out',
    at('server.crt'),
  );
  // Kafka's PEM keystore wants an unencrypted PKCS#8 key followed by the certificate.
  const { stdout: key } = await openssl('pkcs8', '-topk8', '-nocrypt', '-in', at('server.key'));
  const { stdout: cert } = await openssl('x509', '-in', at('server.crt'));
  writeFileSync(at('keystore.pem'), key + cert);
  return at('ca.crt');
}
