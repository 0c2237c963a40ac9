/** OpenAPI 3.1 description of the open-data read API, for data.gouv.fr-style consumers. */
export function buildOpenApiDocument(version: string, instanceId: string) {
  const listParams = [
    { name: 'territory', in: 'query', schema: { type: 'string' }, description: 'A territory code: FRANCE, R84, D2A, E200000172, C75056' },
    { name: 'level', in: 'query', schema: { type: 'string' }, description: 'A territory level id, e.g. DEPT' },
    { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 10000, default: 1000 } },
    { name: 'after', in: 'query', schema: { type: 'string' }, description: 'The `next` cursor of the previous page' },
    { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv'], default: 'json' } },
  ];
  const page = (item: Record<string, unknown>) => ({
    description: 'A page of rows; `next` is null on the last page (CSV: header X-Next-Cursor)',
    content: {
      'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: item }, next: { type: ['string', 'null'] } } } },
      'text/csv': { schema: { type: 'string' } },
    },
  });
  const rate = { type: ['number', 'null'], minimum: 0, maximum: 100, description: 'Progress rate in %, null when it cannot be computed' };
  return {
    openapi: '3.1.0',
    info: {
      title: `PILOTE kit open data (${instanceId})`,
      version,
      description:
        'Published rates and values per indicator × territory × date. Rates follow the rules in libs/engine/README.md. ' +
        'Anonymous calls work when the instance opens its dashboards to the public; otherwise send an API token (`Authorization: Bearer pk_…`, scope read): ' +
        'the rights are those of the dashboards (401 anonymous, 403 outside your territories) and rows outside your territories are not listed.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A PILOTE API token (pk_…)' } } },
    // Either anonymous (open-data instances) or a token.
    security: [{}, { bearer: [] }],
    paths: {
      '/api/v1/indicators': { get: { summary: 'Published indicators', responses: { '200': { description: 'Indicators' } } } },
      '/api/v1/indicators/{id}/rates': {
        get: {
          summary: 'Annual and global rates of an indicator per territory',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ...listParams],
          responses: {
            '200': page({ type: 'object', properties: { indicator_id: { type: 'string' }, territory_code: { type: 'string' }, level: { type: 'string' }, current_value: { type: ['number', 'null'] }, current_date: { type: ['string', 'null'], format: 'date' }, annual_rate: rate, global_rate: rate } }),
            '404': { description: 'Unknown or unpublished indicator' },
          },
        },
      },
      '/api/v1/indicators/{id}/values': {
        get: {
          summary: 'Values (VI initial, VA current, VC target) of an indicator per territory and date; aggregated levels included',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            ...listParams,
            { name: 'from', in: 'query', schema: { type: 'string', format: 'date' } },
            { name: 'to', in: 'query', schema: { type: 'string', format: 'date' } },
          ],
          responses: {
            '200': page({ type: 'object', properties: { territory_code: { type: 'string' }, level: { type: 'string' }, date: { type: 'string', format: 'date' }, kind: { type: 'string', enum: ['VI', 'VA', 'VC', 'VC_INTERMEDIATE'] }, value: { type: 'number' }, provenance: { type: 'string' } } }),
            '400': { description: 'Invalid parameter (message names it)' },
            '404': { description: 'Unknown or unpublished indicator' },
          },
        },
      },
      '/api/v1/policies/{id}/rates': {
        get: {
          summary: 'Annual and global rates of a policy per territory',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ...listParams],
          responses: { '200': page({ type: 'object', properties: { policy_id: { type: 'string' }, territory_code: { type: 'string' }, annual_rate: rate, global_rate: rate } }), '404': { description: 'Unknown or unpublished policy' } },
        },
      },
    },
  };
}
