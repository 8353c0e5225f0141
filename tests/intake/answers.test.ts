import { describe, expect, it } from 'vitest';
import { answerProblem, readAnswer } from '../../src/intake/answers.ts';

describe('readAnswer (scale 1–5)', () => {
  it('reads whole numbers however a spreadsheet writes them', () => {
    expect(['1', '5', '4.0', ' 5 ', '4,0', '+3', '03', '2.00'].map((c) => readAnswer(c, 1, 5))).toEqual([1, 5, 4, 5, 4, 3, 3, 2]);
  });

  it('reads empty and spaces-only cells as unanswered', () => {
    expect(['', ' ', '   ', '\t'].map((c) => readAnswer(c, 1, 5))).toEqual([null, null, null, null]);
  });

  it('refuses 0, 6, 4.5, negative numbers and text', () => {
    expect(['0', '6', '4.5', '-1', 'abc', '4 5', '1e0', '10'].map((c) => readAnswer(c, 1, 5))).toEqual(Array(8).fill(undefined));
  });

  it('works on a 0–10 scale (two-digit answers)', () => {
    expect(['0', '10', '11'].map((c) => readAnswer(c, 0, 10))).toEqual([0, 10, undefined]);
  });
});

describe('answerProblem', () => {
  it('names the value, the column and the scale', () => {
    expect(answerProblem('6', 'TC1', 1, 5)).toEqual({ code: 'answer_outside_scale', reason: "answer '6' in TC1 is outside the scale 1–5" });
    expect(answerProblem(' 0 ', 'TC1', 1, 5)).toEqual({ code: 'answer_outside_scale', reason: "answer '0' in TC1 is outside the scale 1–5" });
    expect(answerProblem('4.5', 'CC2', 1, 5)).toEqual({ code: 'answer_not_whole_number', reason: "answer '4.5' in CC2 is not a whole number on the scale 1–5" });
    expect(answerProblem('tốt', 'CC2', 1, 5)).toEqual({ code: 'answer_not_a_number', reason: "answer 'tốt' in CC2 is not a number on the scale 1–5" });
  });
});
