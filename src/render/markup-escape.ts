/** Text escaped for HTML or XML written by hand (the sitemap, a redirect page): element content or a double-quoted attribute. */

/** `text` with `&`, `<`, `>` and `"` written as entities. */
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
