"""Code the tests share, and the benches reuse: data trees, project copies and builds, a phone, links, scaled data."""
