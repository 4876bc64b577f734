import { describe, expect, it } from 'vitest';
import {
  coordinatesProblem,
  optionalNumberProblem,
  parseCoordinates,
  pointIdProblem,
  pointStatus,
  suggestPointId,
} from '../../src/survey/answers.js';
import type { SurveyOverview } from '../../src/survey/model.js';

describe('what the survey takes from a technician', () => {
  it.each([
    ['21.0741, 105.7902', { latitude: 21.0741, longitude: 105.7902 }],
    ['-33.9 18.4', { latitude: -33.9, longitude: 18.4 }],
    ['21.0741;105.7902', undefined],
    ['north of the market', undefined],
  ])('coordinates %j', (text, expected) => expect(parseCoordinates(text)).toEqual(expected));

  it.each([
    ['', true],
    ['21.0741, 105.7902', true],
    ['91, 105', 'write them as 21.0741, 105.7902, or leave it empty'],
    ['21, 181', 'write them as 21.0741, 105.7902, or leave it empty'],
  ])('coordinates problem %j', (text, expected) => expect(coordinatesProblem(text)).toBe(expected));

  it.each([
    ['', true],
    ['0', true],
    ['359', true],
    ['360', 'a bearing from 0 to 359, or leave it empty'],
    ['east', 'a bearing from 0 to 359, or leave it empty'],
  ])('bearing %j', (text, expected) => expect(optionalNumberProblem(text, 0, 359, 'a bearing')).toBe(expected));

  it('suggests a free point id from the street and label', () => {
    expect(suggestPointId('ngo-8', 'Cổng số 12', new Set())).toBe('ngo-8-cong-so-12');
    expect(suggestPointId('ngo-8', 'Gate', new Set(['ngo-8-gate', 'ngo-8-gate-2']))).toBe('ngo-8-gate-3');
  });

  it.each([
    ['ngo-8-gate', true],
    ['Ngo-8', 'lower-case letters, digits and single hyphens'],
    ['ngo--8', 'lower-case letters, digits and single hyphens'],
    ['taken-one', "'taken-one' is taken"],
  ])('point id %j', (id, expected) => expect(pointIdProblem(id, new Set(['taken-one']))).toBe(expected));

  it('says where a point stands in the survey', () => {
    const summary = (pointId: string) => ({ site: 's', street: 'st', pointId, label: pointId, address: '127.0.0.1' });
    const device = {
      key: 'k',
      address: '127.0.0.9',
      port: 80,
      manufacturer: null,
      model: null,
      serialNumber: null,
      mac: null,
      endpointReference: null,
      name: null,
    };
    const overview: SurveyOverview = {
      confirmed: [summary('a')],
      missing: [summary('b')],
      changed: [{ kind: 'moved', device, pointId: 'c', from: '127.0.0.3' }],
      unknown: [{ kind: 'unknown', device }],
    };
    expect(['a', 'b', 'c', 'd'].map((id) => pointStatus(overview, id))).toEqual(['confirmed', 'missing', 'changed', 'not checked']);
  });
});
