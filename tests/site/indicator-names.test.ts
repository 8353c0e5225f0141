import { describe, expect, it } from 'vitest';
import { indicatorNames, questionSubject, surveyShortName } from '../../src/site/indicator-names.ts';
import { indicator } from './published-fixture.ts';

describe('questionSubject', () => {
  it('drops the opening every question repeats and the question mark', () => {
    expect(questionSubject('Ông/Bà hài lòng thế nào về việc phí, lệ phí phải nộp đúng quy định?')).toBe('phí, lệ phí phải nộp đúng quy định');
    expect(questionSubject('Ông/Bà hài lòng thế nào về nơi ngồi chờ?')).toBe('nơi ngồi chờ');
    expect(questionSubject('How satisfied are you that the fees were as set by the rules?')).toBe('fees were as set by the rules');
    expect(questionSubject('Something else?')).toBe('Something else');
  });
});

describe('indicatorNames', () => {
  const tc1 = { ...indicator('sipas', 'TC1', 'item', 'TC'), question_vi: 'Ông/Bà hài lòng thế nào về nơi ngồi chờ?', question_en: 'How satisfied are you with the waiting area?' };
  const names = indicatorNames([indicator('sipas', 'overall', 'overall'), indicator('sipas', 'TC', 'element'), tc1]);

  it('names the overall index, an element, and an item by code and subject', () => {
    expect(names.name('sipas', 'overall', 'vi')).toBe('Chỉ số chung');
    expect(names.name('sipas', 'TC', 'en')).toBe('TC en');
    expect(names.name('sipas', 'TC1', 'vi')).toBe('TC1 · nơi ngồi chờ');
    expect(names.name('sipas', 'TC1', 'en')).toBe('TC1 · waiting area');
    expect(names.elementOf('sipas', 'TC1', 'vi')).toBe('TC vi');
    expect(names.name('sipas', 'XX', 'vi')).toBe('XX');
  });

  it('shortens survey names for chart rows', () => {
    expect(surveyShortName('sipas', 'vi')).toBe('SIPAS');
    expect(surveyShortName('y-te', 'en')).toBe('Health');
  });
});
