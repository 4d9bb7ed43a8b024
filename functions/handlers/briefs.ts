import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { PublishedBrief } from '../../domain/cadence/briefDecider.ts';
import type { WeeklyBrief } from '../../domain/cadence/weeklyBrief.ts';
import { IsoWeek } from '../../domain/isoWeek.ts';
import type { BriefService } from '../cadence/briefService.ts';
import { callerOf, requireRole } from '../http/caller.ts';
import { createHttpHandler } from '../http/httpHandler.ts';
import { HttpProblem, jsonResponse } from '../http/problem.ts';
import { DOCUMENT_CSP } from '../reports/htmlDocument.ts';

export interface BriefsHandlerDeps {
  briefs: BriefService;
}

const weekOfPath = (event: APIGatewayProxyEventV2): IsoWeek => {
  const parsed = IsoWeek.safeParse(event.pathParameters?.week);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'invalid';
    throw new HttpProblem(400, 'validation-failed', `path.week: ${message}`, [{ path: 'path.week', message }]);
  }
  return parsed.data;
};

const briefResponse = (published: NonNullable<PublishedBrief>, brief: WeeklyBrief) => ({
  ...brief,
  publishedAt: published.publishedAt,
  links: { json: `/v1/briefs/${brief.week}`, html: `/v1/briefs/${brief.week}/html` },
});

const notPublished = (week: IsoWeek) =>
  new HttpProblem(404, 'brief-not-published', `no brief of ${week} has been published; it is published the Monday after the week ends`);

/** The weekly brief's routes (API.md, "The weekly brief"; what it holds in CADENCE.md). */
export const createBriefsHandler = (deps: BriefsHandlerDeps) =>
  createHttpHandler('briefs', {
    'POST /v1/briefs/{week}': async (event, route) => {
      const caller = callerOf(event);
      requireRole(caller, route);
      const week = weekOfPath(event);
      const { created, published, brief } = await deps.briefs.publish(week, caller);
      return jsonResponse(created ? 201 : 200, briefResponse(published, brief), { location: `/v1/briefs/${week}` });
    },
    'GET /v1/briefs/{week}': async (event, route) => {
      requireRole(callerOf(event), route);
      const week = weekOfPath(event);
      const found = await deps.briefs.read(week);
      if (!found) throw notPublished(week);
      return jsonResponse(200, briefResponse(found.published, found.brief));
    },
    'GET /v1/briefs/{week}/html': async (event, route) => {
      requireRole(callerOf(event), route);
      const week = weekOfPath(event);
      const body = await deps.briefs.html(week);
      if (body === null) throw notPublished(week);
      return {
        statusCode: 200,
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'content-disposition': `inline; filename="brief-${week}.html"`,
          // The page's own meta policy, sent as a header too: a browser applies the stricter of the two.
          'content-security-policy': DOCUMENT_CSP,
        },
        body,
      };
    },
  });
