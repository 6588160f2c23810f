import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './index.js';

const at = '2026-11-28T10:00:00.000Z';
const later = '2026-12-05T10:00:00.000Z';

describe('rating cards', () => {
  it('schedules a card further away after Good than after Again', () => {
    const store = createMemoryStore();
    const good = store.rate({ key: 'p/good', rating: 3, at }).card;
    const again = store.rate({ key: 'p/again', rating: 1, at }).card;
    expect(Date.parse(good.due)).toBeGreaterThan(Date.parse(again.due));
    expect(store.get('p/again')).toMatchObject({ attempts: 1, correct: 0, lastCorrect: false });
    expect(store.get('p/good')).toMatchObject({ attempts: 1, correct: 1, lastCorrect: true });
  });

  it('starts a card again when the question has a higher rev than the card', () => {
    const store = createMemoryStore();
    store.rate({ key: 'p/q', rating: 3, at });
    const reviewed = store.rate({ key: 'p/q', rating: 3, at: later }).card;
    expect(reviewed.reps).toBe(2);
    const edited = store.rate({ key: 'p/q', rating: 3, at: later, rev: 1 }).card;
    expect(edited).toMatchObject({ reps: 1, rev: 1, introducedAt: later });
    expect(store.history().at(-1)?.stateBefore).toBe('new');
  });

  it('refuses a rating outside 1-4', () => {
    expect(() => createMemoryStore().rate({ key: 'p/q', rating: 5 as 1, at })).toThrow(RangeError);
  });
});

describe('undo', () => {
  it('takes back answers one by one, newest first, and then has nothing left', () => {
    const store = createMemoryStore();
    store.rate({ key: 'p/a', rating: 3, at });
    store.recordAnswer({ key: 'p/b', correct: false, at });
    expect(store.undoLast()).toEqual({ key: 'p/b' });
    expect(store.get('p/b')).toBeUndefined();
    expect(store.undoLast()).toEqual({ key: 'p/a', rating: 3 });
    expect(store.card('p/a')).toBeUndefined();
    expect(store.history()).toEqual([]);
    expect(store.undoLast()).toBeUndefined();
  });

  it('restores the card as it was before the undone rating', () => {
    const store = createMemoryStore();
    const before = store.rate({ key: 'p/a', rating: 3, at }).card;
    store.rate({ key: 'p/a', rating: 1, at: later });
    store.undoLast();
    expect(store.card('p/a')).toEqual(before);
    expect(store.get('p/a')).toEqual({ attempts: 1, correct: 1, lastCorrect: true, lastAnsweredAt: at });
  });
});

describe('settings', () => {
  it('starts at retention 0.9 and refuses values out of range', () => {
    const store = createMemoryStore();
    expect(store.settings().desiredRetention).toBe(0.9);
    expect(() => store.updateSettings({ desiredRetention: 0.99 })).toThrow(/0.7 to 0.97/);
    expect(() => store.updateSettings({ newCardsPerDay: 2.5 })).toThrow(/whole number/);
    expect(store.updateSettings({ newCardsPerDay: 3 })).toEqual({ desiredRetention: 0.9, newCardsPerDay: 3 });
  });
});

describe('merging another history', () => {
  it('adds only answers it has not seen, so importing twice counts nothing twice', () => {
    const mine = createMemoryStore();
    mine.rate({ key: 'p/shared', rating: 3, at });
    const theirs = createMemoryStore(mine.data());
    theirs.rate({ key: 'p/shared', rating: 1, at: later });
    theirs.rate({ key: 'p/only-theirs', rating: 3, at: later });

    expect(mine.merge(theirs.data())).toEqual({ added: 2, keys: 2 });
    expect(mine.merge(theirs.data()).added).toBe(0);
    expect(mine.get('p/shared')).toEqual({ attempts: 2, correct: 1, lastCorrect: false, lastAnsweredAt: later });
    expect(mine.card('p/shared')).toEqual(theirs.card('p/shared'));
    expect(mine.history()).toHaveLength(3);
  });

  it('takes counts kept before histories existed as they are', () => {
    const mine = createMemoryStore();
    const old = createMemoryStore({ 'p/old': { attempts: 4, correct: 3, lastCorrect: true, lastAnsweredAt: at } });
    mine.merge(old.data());
    expect(mine.get('p/old')).toEqual({ attempts: 4, correct: 3, lastCorrect: true, lastAnsweredAt: at });
  });
});
