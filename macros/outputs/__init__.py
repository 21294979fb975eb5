"""What is written after the engine has built the pages, in one pipeline over the built site (``pipeline``):
Content-Security-Policy, the Pagefind search index, the offline worker; and the files the site carries beside
its pages (the Atom feed, the web app manifest)."""
