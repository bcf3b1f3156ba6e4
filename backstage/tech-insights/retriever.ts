// A Tech Insights fact retriever and backend module for the secure-cncf check report.
// Written for @backstage-community/plugin-tech-insights-node 2.9.0 (FactRetriever,
// FactRetrieverContext with discovery/auth, techInsightsFactRetrieversExtensionPoint),
// @backstage/backend-plugin-api 1.10.1 and @backstage/catalog-client 1.16.2.
// Not compiled by secure-cncf itself: copy this folder into a backend module package of your
// Backstage instance (docs/portal/tech-insights.md walks through it).
import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { CatalogClient } from '@backstage/catalog-client';
import {
  techInsightsFactRetrieversExtensionPoint,
  type FactRetriever,
  type TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import {
  DEFAULT_REPORT_PATH,
  FACT_RETRIEVER_ID,
  FACT_RETRIEVER_VERSION,
  FACT_SCHEMA,
  emptyFacts,
  factsFromReport,
  parseReport,
} from './facts';

export const secureCncfFactRetriever: FactRetriever = {
  id: FACT_RETRIEVER_ID,
  version: FACT_RETRIEVER_VERSION,
  title: 'secure-cncf check',
  description: 'Maturity level and control status from the secure-cncf check report published with the TechDocs site',
  schema: FACT_SCHEMA,
  // catalog-info.yaml written by secure-cncf carries this tag and a TechDocs annotation.
  entityFilter: [{ kind: 'component', 'metadata.tags': 'secure-cncf' }],
  async handler({ discovery, auth, logger, config, entityFilter }) {
    const reportPath = config.getOptionalString('secureCncf.techInsights.reportPath') ?? DEFAULT_REPORT_PATH;
    const credentials = await auth.getOwnServiceCredentials();
    const catalog = new CatalogClient({ discoveryApi: discovery });
    const { token: catalogToken } = await auth.getPluginRequestToken({ onBehalfOf: credentials, targetPluginId: 'catalog' });
    const { items } = await catalog.getEntities(
      { filter: entityFilter, fields: ['kind', 'metadata.namespace', 'metadata.name'] },
      { token: catalogToken },
    );
    const { token: docsToken } = await auth.getPluginRequestToken({ onBehalfOf: credentials, targetPluginId: 'techdocs' });
    const techdocs = await discovery.getBaseUrl('techdocs');

    const results: TechInsightFact[] = [];
    for (const entity of items) {
      const ref = {
        namespace: (entity.metadata.namespace ?? 'default').toLowerCase(),
        kind: entity.kind.toLowerCase(),
        name: entity.metadata.name.toLowerCase(),
      };
      // TechDocs serves a built site's files under /static/docs/<namespace>/<kind>/<name>/.
      const url = `${techdocs}/static/docs/${[ref.namespace, ref.kind, ref.name].map(encodeURIComponent).join('/')}/${reportPath}`;
      let facts = emptyFacts();
      try {
        const response = await fetch(url, { headers: { Authorization: `Bearer ${docsToken}` } });
        if (response.ok) {
          facts = factsFromReport(parseReport(await response.json()));
        } else if (response.status !== 404) {
          logger.warn(`secure-cncf report of ${ref.kind}:${ref.namespace}/${ref.name}: HTTP ${response.status}`);
        }
      } catch (error) {
        logger.warn(`secure-cncf report of ${ref.kind}:${ref.namespace}/${ref.name} is unreadable: ${String(error)}`);
      }
      results.push({ entity: { namespace: ref.namespace, kind: ref.kind, name: ref.name }, facts });
    }
    return results;
  },
};

/** `backend.add(secureCncfTechInsightsModule)` in packages/backend/src/index.ts. */
export const secureCncfTechInsightsModule = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'secure-cncf-facts',
  register(env) {
    env.registerInit({
      deps: { providers: techInsightsFactRetrieversExtensionPoint, logger: coreServices.logger },
      async init({ providers, logger }) {
        providers.addFactRetrievers({ [FACT_RETRIEVER_ID]: secureCncfFactRetriever });
        logger.info(`Registered the ${FACT_RETRIEVER_ID} fact retriever`);
      },
    });
  },
});

export default secureCncfTechInsightsModule;
