import { describe, expect, test } from 'vitest';
import { readableMessage } from './api';

describe('readableMessage', () => {
  test('a domain message is shown as it is', () => {
    expect(readableMessage('原密码不正确')).toBe('原密码不正确');
  });

  test('a schema refusal shows the messages of its issues', () => {
    const zod = JSON.stringify([
      { code: 'too_small', path: ['newPassword'], message: '密码至少8位' },
      { path: ['x'], message: '内容过长' },
    ]);
    expect(readableMessage(zod)).toBe('密码至少8位；内容过长');
  });
});
