import { expect } from 'vitest';
import type { CallResponse } from './localApi.ts';

/**
 * The answer is an RFC 9457 problem (API.md) with this status: a non-empty type and detail, a title, and,
 * when `type` is given, a type that names it.
 */
export const expectProblem = (response: CallResponse, status: number, type?: string) => {
  expect(response.status, response.text).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(response.json).toMatchObject({
    type: expect.any(String),
    title: expect.any(String),
    status,
    detail: expect.any(String),
  });
  expect(response.json.type.length).toBeGreaterThan(0);
  expect(response.json.detail.length).toBeGreaterThan(0);
  if (type) expect(response.json.type).toContain(type);
};
