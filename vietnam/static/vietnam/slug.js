/*
 * Vietnamese slugs in the Wagtail admin: "Đào tạo chuyển đổi số" -> "dao-tao-chuyen-doi-so".
 *
 * Wagtail's own transliteration drops Vietnamese vowels with tone marks and turns "đ" into "dj"
 * ("djao-to-chuyn-dji-s"). These capture-phase listeners answer the slug field's events before
 * Wagtail's slug controller does, with the same folding as vietnam.text.slugify on the server.
 */
(() => {
  const SLUG_FIELD = 'input[data-controller~="w-slug"]';

  const slugify = (value) =>
    (value || '')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đð]/g, 'd')
      .replace(/[ĐÐ]/g, 'D')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');

  const isSlugField = (element) => element instanceof HTMLInputElement && element.matches(SLUG_FIELD);

  // The title was edited: write the slug from it (Wagtail's w-sync "apply").
  document.addEventListener(
    'w-sync:apply',
    (event) => {
      if (!isSlugField(event.target)) return;
      event.stopImmediatePropagation();
      event.preventDefault();
      event.target.value = slugify(event.detail && event.detail.value);
    },
    true,
  );

  // Is the slug still the one the title would give? If not, the editor chose it: stop syncing.
  document.addEventListener(
    'w-sync:check',
    (event) => {
      if (!isSlugField(event.target)) return;
      event.stopImmediatePropagation();
      if (slugify(event.detail && event.detail.value) !== event.target.value) event.preventDefault();
    },
    true,
  );

  // A slug typed by hand is folded the same way when the field loses focus.
  document.addEventListener(
    'blur',
    (event) => {
      if (!isSlugField(event.target)) return;
      event.stopImmediatePropagation();
      event.target.value = slugify(event.target.value);
    },
    true,
  );
})();
