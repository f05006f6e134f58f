import { describe, expect, test } from 'vitest';
import { headerLines } from './roster-columns';

describe('lines break between words, never inside one', () => {
  test('a table header is cut between words: 民政工作 / 负责人 / 明确率, 协理员 / 配备率', () => {
    expect(headerLines('民政工作负责人明确率')).toEqual(['民政工作', '负责人', '明确率']);
    expect(headerLines('协理员配备率')).toEqual(['协理员', '配备率']);
  });
});
