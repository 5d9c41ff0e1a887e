-- The language an account chose with the header's switcher (a BCP 47 tag: en, pt-PT, fr, es,
-- zh-CN); NULL until it chooses, and then the browser's Accept-Language decides.
ALTER TABLE account ADD COLUMN language VARCHAR(16);
