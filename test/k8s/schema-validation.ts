import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ScaledObject, TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import { Manifest, ref } from './manifest';
import { strimziValidators } from './strimzi-schemas';

// Each model types its own constructor argument; here any rendered object goes in.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Model = new (data: any) => { validate(): void };

const MODELS: Record<string, Record<string, Model>> = {
  v1: { Namespace, ConfigMap, Secret, Service },
  'apps/v1': { Deployment, StatefulSet },
  'batch/v1': { Job },
  'policy/v1': { PodDisruptionBudget },
  'networking.k8s.io/v1': { NetworkPolicy },
  'keda.sh/v1alpha1': { ScaledObject, TriggerAuthentication },
};
const ESM_ONLY = new Set(['monitoring.coreos.com/v1']);

/**
 * Every object against its schema: Kubernetes' own (kubernetes-models), KEDA's
 * and the Prometheus Operator's CRDs, and ours for Strimzi. A kind nothing
 * knows is a problem too, so no object goes unchecked.
 */
export function schemaProblems(objects: Manifest[]): string[] {
  const problems: string[] = [];
  const esm: Manifest[] = [];
  for (const object of objects) {
    if (ESM_ONLY.has(object.apiVersion)) {
      esm.push(object);
      continue;
    }
    if (object.apiVersion === 'kafka.strimzi.io/v1beta2' && strimziValidators[object.kind]) {
      const validate = strimziValidators[object.kind];
      if (!validate(object))
        problems.push(
          `${ref(object)}: ${validate.errors!.map((e) => `${e.instancePath} ${e.message}`).join('; ')}`,
        );
      continue;
    }
    const Model = MODELS[object.apiVersion]?.[object.kind];
    if (!Model) {
      problems.push(`${ref(object)}: no schema for ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new Model(object.kind === 'Secret' ? unwrapBase64(object) : object).validate();
    } catch (error) {
      problems.push(`${ref(object)}: ${(error as Error).message}`);
    }
  }
  if (esm.length > 0) problems.push(...esmModelProblems(esm));
  return problems;
}

/**
 * kustomize wraps a generated Secret's base64 values at 70 columns; the API
 * server's decoder skips the line breaks, the model's "byte" format does not.
 */
function unwrapBase64(secret: Manifest): Manifest {
  const data = Object.fromEntries(
    Object.entries(secret.data ?? {}).map(([k, v]) => [k, String(v).replace(/\s+/g, '')]),
  );
  return { ...secret, data };
}

function esmModelProblems(objects: Manifest[]): string[] {
  const out = execFileSync(process.execPath, [join(__dirname, 'esm-models.mjs')], {
    input: JSON.stringify(objects),
    encoding: 'utf8',
  });
  return JSON.parse(out) as string[];
}
