# Front-end bundle (web/frontend/ -> web/static/dist/), included by the main Makefile.
# `make assets` installs the pinned npm packages when needed (npm ci, only if node_modules is
# missing or package-lock.json is newer than its stamp) and rebuilds the bundle only when a
# source changed; run again with nothing changed, it does nothing.
NPM ?= npm
ASSETS_STAMP := node_modules/.stamp
ASSETS_SRC := $(wildcard web/frontend/src/*.js web/frontend/src/*.css)
ASSETS_OUT := web/static/dist/app.js

.PHONY: assets clean-assets

assets: $(ASSETS_OUT)

$(ASSETS_STAMP): package-lock.json
	$(NPM) ci --no-audit --no-fund
	touch $@

# esbuild also writes app.css (KaTeX + editor styles), the KaTeX fonts under fonts/, and maps.
$(ASSETS_OUT): $(ASSETS_STAMP) package.json package-lock.json $(ASSETS_SRC)
	rm -rf web/static/dist
	$(NPM) run --silent build
	touch $@

clean-assets:
	rm -rf web/static/dist node_modules
