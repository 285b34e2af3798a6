import { describe, expect, it } from 'vitest';
import {
  MEMBER_ROLES,
  PLACE_KINDS,
  PLAN_CADENCES,
  PLAN_CATEGORIES,
  STREAM_CADENCES,
  STREAM_KINDS,
} from '../../src/lib/domain/model';
import { CADENCE_LABEL, KIND_LABEL, ROLE_LABEL } from '../../src/lib/ui/labels';
import { CATEGORY_LABEL, PLAN_CADENCE_LABEL } from '../../src/views/plans/labels';
import { PLACE_KIND_LABEL } from '../../src/views/plans/place-labels';

/**
 * SelectField lists the keys of its labels, in their order (issue 24): each select's labels
 * name every value of its kind, in the order the model gives them.
 */
describe('the labels a SelectField lists', () => {
  it.each([
    ['member roles', ROLE_LABEL, MEMBER_ROLES],
    ['place kinds', PLACE_KIND_LABEL, PLACE_KINDS],
    ['plan cadences', PLAN_CADENCE_LABEL, PLAN_CADENCES],
    ['plan categories', CATEGORY_LABEL, PLAN_CATEGORIES],
    ['stream cadences', CADENCE_LABEL, STREAM_CADENCES],
    ['stream kinds', KIND_LABEL, STREAM_KINDS],
  ] as const)('%s', (_, labels, values) => {
    expect(Object.keys(labels)).toEqual([...values]);
  });
});
