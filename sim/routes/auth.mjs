// POST /auth/token
import { json } from '../respond.mjs';

/** @type {import('../router.mjs').Route[]} */
export const authRoutes = [
  {
    method: 'POST',
    template: '/auth/token',
    public: true,
    entityScoped: false,
    body: true,
    handle(ctx) {
      const result = ctx.auth.issueToken(ctx.body);
      if (!result.token) return result.response;
      ctx.counters.tokensIssued += 1;
      return json(200, result.token);
    },
  },
];
