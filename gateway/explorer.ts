import type { ApolloServerPlugin } from '@apollo/server';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

// GraphiQL with every asset inlined: intranet browsers cannot reach a CDN.
let html: string | null = null;
const page = () =>
  (html ??= renderGraphiQL({
    title: 'sanxiang · 行政执法三项制度 GraphQL',
    endpoint: '/graphql',
    defaultQuery: `# 公众可直接查询；工作人员请在 Headers 中加入 {"Authorization": "Bearer <npm run token 生成的令牌>"}\nquery 权责清单 {\n  powerItems(first: 5) {\n    totalCount\n    edges { node { code name category agency { name } discretionBenchmark { tiers { tier fineMin fineMax } } } }\n  }\n}\n`,
  }));

export const offlineExplorer = (): ApolloServerPlugin => ({
  async serverWillStart() {
    return {
      async renderLandingPage() {
        return { html: async () => page() };
      },
    };
  },
});
