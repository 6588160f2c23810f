import { describe, expect, it } from 'vitest';
import { multiple, order, single, truefalse } from '../../test/helpers/questions.js';
import type { Exercise } from '../content/index.js';
import { buildSearchIndex, searchItemsOf, withinEdits } from './search.js';

const exercise = {
  id: 's3-home-folders', key: 't/s3-home-folders', packId: 't', level: 'intermediate', topics: ['policy-variables'], title: 'Home folders in a shared bucket', tags: ['s3'],
} as Exercise;
const questions = [single, multiple, truefalse, order, { ...single, id: 'boundary-limits', key: 't/boundary-limits', prompt: 'What does a permissions boundary do?\nPick one.', tags: ['boundaries'] }];
const index = buildSearchIndex(searchItemsOf(questions, [exercise]));
const keys = (query: string) => index.search(query).map((r) => r.item.key);

describe('search', () => {
  it('finds items by the start of a word while the query is being typed', () => {
    expect(keys('perm')).toEqual(['t/boundary-limits']);
    expect(keys('princ')).toEqual(['t/s']);
  });

  it('tolerates a typo', () => {
    expect(keys('permisions')).toEqual(['t/boundary-limits']);
    expect(keys('bondary')).toContain('t/boundary-limits');
  });

  it('needs every word of the query', () => {
    expect(keys('policy types')).toEqual(['t/m']);
    expect(keys('policy nonsense')).toEqual([]);
  });

  it('searches ids, topics and tags as well as prompts, and finds exercises', () => {
    expect(keys('policy-variables')).toEqual(['t/s3-home-folders']);
    expect(keys('s3')).toEqual(['t/s3-home-folders']);
    expect(keys('roles').length).toBe(4);
    expect(index.search('home folders')[0]!.item).toMatchObject({ kind: 'exercise', type: 'exercise', title: 'Home folders in a shared bucket' });
  });

  it('puts an exact id first', () => {
    expect(keys('tf')[0]).toBe('t/tf');
  });

  it('shows a prompt as one line', () => {
    expect(index.search('boundary')[0]!.item.title).toBe('What does a permissions boundary do? Pick one.');
  });

  it('finds nothing for an empty query and stops at the limit', () => {
    expect(keys('  ')).toEqual([]);
    expect(index.search('roles', 2)).toHaveLength(2);
  });
});

describe('edit distance', () => {
  it('counts inserts, deletes, substitutions and swapped neighbours', () => {
    expect(withinEdits('permision', 'permission', 1)).toBe(true);
    expect(withinEdits('bucekt', 'bucket', 1)).toBe(true);
    expect(withinEdits('role', 'rule', 1)).toBe(true);
    expect(withinEdits('role', 'rules', 1)).toBe(false);
    expect(withinEdits('boundry', 'bondary', 1)).toBe(false);
  });
});
