import {
  afterAll, beforeAll, describe, expect, it
} from 'vitest';
import steveGetters from '@shell/plugins/steve/getters';
import { FilterArgs, PaginationArgs, PaginationParamFilter } from '@shell/types/store/pagination.types';
import { startSim, TestSim } from './helpers';

/**
 * The shell as a client: the list URLs its own Steve getters build (the shapes its own tests pin, and the paged reads
 * our pages make), sent to the simulator, answered as Steve's SQL cache answers them.
 */
const PODS = '/k8s/clusters/c-harv1/v1/pods';
const POD_SCHEMA = { id: 'pod', attributes: { columns: [] } };
const { urlOptions, isSteveUrl } = steveGetters as unknown as {
  urlOptions: (state: unknown, getters: unknown) => (url: string, opt: unknown, schema?: unknown) => string;
  isSteveUrl: () => (path: string) => boolean;
};
const shellUrl = (url: string, opt: Record<string, unknown>) => urlOptions(undefined, { isSteveUrl: isSteveUrl() })(url, opt, POD_SCHEMA);

describe('the shell\'s list URLs, answered by the simulator as Steve does', () => {
  let t: TestSim;
  const ids = async(url: string) => {
    const { status, body } = await t.get(url);

    expect(status, url).toBe(200);

    return (body.data as { id: string }[]).map((o) => o.id);
  };

  beforeAll(async() => {
    t = await startSim();
  });
  afterAll(() => t.close());

  it('a second filter term written without `filter=` is not a filter at all', async() => {
    const url = shellUrl(PODS, { filter: { 'metadata.name': 'virt-handler', 'metadata.namespace': 'no-such-namespace' } });

    expect(url).toBe(`${ PODS }?filter=metadata.name~virt-handler&metadata.namespace~no-such-namespace&exclude=metadata.managedFields`);
    expect(await ids(url)).toHaveLength(3);
  });

  it('an unencoded labelSelector is ignored, as the SQL cache never reads it', async() => {
    const url = shellUrl(PODS, { labelSelector: 'kubevirt.io=nothing' });

    expect(url).toBe(`${ PODS }?labelSelector=kubevirt.io=nothing&exclude=metadata.managedFields`);
    expect(await ids(url)).toEqual(await ids(PODS));
  });

  it('sort=-x sorts descending', async() => {
    const url = shellUrl(PODS, { sortBy: 'metadata.name', sortOrder: 'desc' });
    const names = await ids(url);

    expect(url).toContain('sort=-metadata.name');
    expect(names).toEqual([...names].sort().reverse());
  });

  it('a paged read of a label, quoted as the shell quotes values with a dash, selects exactly', async() => {
    const url = shellUrl(`${ PODS }/harvester-system`, {
      pagination: new FilterArgs({
        filters: [PaginationParamFilter.createSingleField({
          field: 'metadata.labels[kubevirt.io]', value: 'virt-handler', exact: true
        })]
      })
    });

    expect(decodeURIComponent(url)).toContain('filter=metadata.labels[kubevirt.io]="virt-handler"');
    expect(await ids(url)).toHaveLength(3);
  });

  it('a paged read by label selector (matchExpressions) becomes Steve terms the simulator understands', async() => {
    const url = shellUrl(PODS, {
      pagination: new FilterArgs({
        labelSelector: {
          matchExpressions: [{
            key: 'kubevirt.io', operator: 'In', values: ['virt-handler', 'virt-launcher']
          }]
        }
      })
    });

    expect(await ids(url)).toHaveLength(3);
  });

  it('a page of a sorted list: pagesize, page and sort as the shell writes them', async() => {
    const url = shellUrl(PODS, {
      pagination: new PaginationArgs({
        page: 2, pageSize: 2, sort: [{ field: 'metadata.name', asc: false }], filters: []
      })
    });
    const { body } = await t.get(url);

    expect(url).toMatch(/page=2&pagesize=2&sort=-metadata.name/);
    expect(body.count).toBe(3);
    expect((body.data as unknown[]).length).toBe(1);
  });

  it('the shell\'s excludeFields become exclude= terms: Steve removes those paths and keeps id, type and links', async() => {
    const url = shellUrl(`${ PODS }/harvester-system`, { excludeFields: ['metadata.managedFields', 'spec.containers', 'status.conditions', 'links'] });
    const { body } = await t.get(url);
    const pod = (body.data as Record<string, Record<string, unknown>>[])[0];

    expect(url).toContain('exclude=spec.containers&exclude=status.conditions');
    expect(pod.spec.containers).toBeUndefined();
    expect(pod.spec.nodeName).toMatch(/^harvester-node-/);
    expect(pod.status.conditions).toBeUndefined();
    expect(pod.status.phase).toBe('Running');
    expect([typeof pod.id, pod.type, typeof pod.links.self]).toEqual(['string', 'pod', 'string']);
    // The next answer is whole again: a trimmed object is never what the simulator keeps.
    const whole = (await t.get(`${ PODS }/harvester-system`)).body.data as Record<string, Record<string, unknown>>[];

    expect(whole[0].spec.containers).toBeDefined();
  });

  it('include= keeps only the given paths (and id, type, links), on one object too', async() => {
    const { body } = await t.get(`${ PODS }/harvester-system?include=metadata.name&include=spec.nodeName`);
    const pod = (body.data as Record<string, unknown>[])[0];

    expect(Object.keys(pod).sort()).toEqual(['id', 'links', 'metadata', 'spec', 'type']);
    expect(Object.keys(pod.metadata as object)).toEqual(['name']);
    const one = (await t.get(`${ PODS }/${ pod.id as string }?exclude=metadata.annotations`)).body;

    expect((one.metadata as Record<string, unknown>).annotations).toBeUndefined();
    expect((one.metadata as Record<string, unknown>).name).toBe((pod.metadata as Record<string, unknown>).name);
  });
});
