// SPDX-License-Identifier: GPL-3.0-or-later
// The official Alibaba Cloud Node.js SDKs against unstuck-sim's cloud endpoint:
// pop-core (signature V1) and the generated VPC client (V3, and V1 via signatureAlgorithm 'v2')
// walk DescribeVpcs → DescribeRouteTableList → paged DescribeRouteEntryList, then a wrong
// secret must answer SignatureDoesNotMatch. Prints one line per step; exits non-zero on the
// first step that does not hold. Usage: node walk.js <sim.json>
'use strict';
const fs = require('fs');
const RPCClient = require('@alicloud/pop-core').RPCClient;
const Vpc = require('@alicloud/vpc20160428');
const { $OpenApiUtil } = require('@alicloud/openapi-core');

const sim = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const { endpoint, regionId, accessKeyId, accessKeySecret } = sim.cloud;
const host = endpoint.replace(/^https?:\/\//, '');

function check(condition, what) {
  if (!condition) {
    console.error('FAIL: ' + what);
    process.exit(1);
  }
  console.log('ok: ' + what);
}

function popClient(secret) {
  return new RPCClient({ accessKeyId, accessKeySecret: secret, endpoint, apiVersion: '2016-04-28' });
}

function vpcClient(secret, algorithm) {
  const config = { accessKeyId, accessKeySecret: secret, regionId, endpoint: host, protocol: 'HTTPS' };
  if (algorithm) config.signatureAlgorithm = algorithm;
  return new Vpc.default(new $OpenApiUtil.Config(config));
}

async function walkV3(client, label) {
  const vpcs = await client.describeVpcs(new Vpc.DescribeVpcsRequest({ regionId }));
  const vpcList = vpcs.body.vpcs.vpc;
  check(vpcList.length === 1 && vpcList[0].vpcId.startsWith('vpc-'), `${label}: DescribeVpcs finds the cluster VPC ${vpcList[0] && vpcList[0].vpcId}`);
  const tables = await client.describeRouteTableList(
    new Vpc.DescribeRouteTableListRequest({ regionId, vpcId: vpcList[0].vpcId }));
  const tableList = tables.body.routerTableList.routerTableListType;
  check(tableList.length >= 1 && tableList[0].routeTableId.startsWith('vtb-'), `${label}: DescribeRouteTableList finds ${tableList[0] && tableList[0].routeTableId}`);
  const entries = [];
  let nextToken;
  let pages = 0;
  do {
    const page = await client.describeRouteEntryList(new Vpc.DescribeRouteEntryListRequest({
      regionId, routeTableId: tableList[0].routeTableId, maxResult: 1, nextToken }));
    entries.push(...page.body.routeEntrys.routeEntry);
    nextToken = page.body.nextToken;
    pages += 1;
  } while (nextToken && pages < 100);
  const custom = entries.filter((e) => e.routeEntryId && e.nextHops && e.nextHops.nextHop.some((h) => h.nextHopType === 'Instance'));
  check(pages >= 2 && custom.length >= 1, `${label}: DescribeRouteEntryList pages by NextToken (${pages} pages, ${custom.length} Instance routes)`);
  return { vpcId: vpcList[0].vpcId, routes: entries.length };
}

async function expectSignatureError(call, label) {
  try {
    await call();
  } catch (err) {
    check(err.code === 'SignatureDoesNotMatch', `${label}: a wrong secret answers ${err.code}`);
    return;
  }
  check(false, `${label}: a wrong secret was accepted`);
}

(async () => {
  const v1 = await popClient(accessKeySecret).request('DescribeVpcs', { RegionId: regionId }, { method: 'POST' });
  check(v1.Vpcs.Vpc.length === 1, `pop-core V1 POST: DescribeVpcs finds ${v1.Vpcs.Vpc[0].VpcId}`);
  const v1Get = await popClient(accessKeySecret).request('DescribeRouteTableList', { RegionId: regionId, VpcId: v1.Vpcs.Vpc[0].VpcId });
  check(v1Get.RouterTableList.RouterTableListType.length >= 1, 'pop-core V1 GET: DescribeRouteTableList');

  const v3 = await walkV3(vpcClient(accessKeySecret), 'vpc20160428 V3');
  const v2 = await walkV3(vpcClient(accessKeySecret, 'v2'), 'vpc20160428 HMAC-SHA1');
  check(v3.vpcId === v1.Vpcs.Vpc[0].VpcId && v2.routes === v3.routes, 'both signatures see the same VPC and routes');

  const wrong = accessKeySecret + 'x';
  await expectSignatureError(() => popClient(wrong).request('DescribeVpcs', { RegionId: regionId }, { method: 'POST' }), 'pop-core V1');
  await expectSignatureError(() => vpcClient(wrong).describeVpcs(new Vpc.DescribeVpcsRequest({ regionId })), 'vpc20160428 V3');
})().catch((err) => {
  console.error('FAIL: ' + (err.code || err.name) + ': ' + err.message);
  process.exit(1);
});
