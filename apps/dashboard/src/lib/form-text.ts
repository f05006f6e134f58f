/**
 * A form field's text. A file or a missing field reads as the fallback: String() of a File would be
 * "[object File]", which a server action must never take for what the user typed.
 */
export function formText(form: FormData, name: string, fallback = ''): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : fallback;
}
