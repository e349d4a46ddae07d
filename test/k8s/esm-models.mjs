// The prometheus-operator models ship as ES modules only, which jest's CommonJS
// runtime cannot load: schema-validation.ts runs this in a plain node process.
// stdin: JSON array of objects; stdout: JSON array of problem strings.
import {
  PrometheusRule,
  ServiceMonitor,
} from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';

const models = { 'monitoring.coreos.com/v1': { PrometheusRule, ServiceMonitor } };
let input = '';
for await (const chunk of process.stdin) input += chunk;
const problems = [];
for (const object of JSON.parse(input)) {
  const Model = models[object.apiVersion]?.[object.kind];
  if (!Model) {
    problems.push(
      `${object.kind}/${object.metadata?.name}: no model for ${object.apiVersion} ${object.kind}`,
    );
    continue;
  }
  try {
    new Model(object).validate();
  } catch (error) {
    problems.push(`${object.kind}/${object.metadata?.name}: ${error.message}`);
  }
}
process.stdout.write(JSON.stringify(problems));
