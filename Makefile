# The seed's make targets, delegating to npm scripts (package.json). Examples:
#   make serve PORT=9000            make progress-bump LEVEL=minor
#   make compare-baseline NAME=v1.0
.PHONY: run run-heavy clean progress progress-auto progress-bump report compare-latest compare-baseline baseline-save site check-progress-ci export-csv serve

PORT ?= 8888

run:
	npm run run

run-heavy:
	npm run run-heavy

clean:
	npm run clean

progress:
	npm run progress

progress-auto:
	npm run progress-auto

# LEVEL=minor or LEVEL=major; patch by default
progress-bump:
	npm run progress-bump -- $(if $(LEVEL),--$(LEVEL))

report:
	npm run report

compare-latest:
	npm run compare-latest

compare-baseline:
	@test -n "$(NAME)" || { echo "usage: make compare-baseline NAME=<baseline>" >&2; exit 2; }
	npm run compare-baseline -- $(NAME)

baseline-save:
	@test -n "$(NAME)" || { echo "usage: make baseline-save NAME=<baseline>" >&2; exit 2; }
	npm run baseline-save -- $(NAME)

# The Astro dashboard from runs/, history/ and progress.json into site/dist (BASE=/repo for GitHub Pages)
site:
	npm run site -- $(if $(BASE),--base $(BASE))

check-progress-ci:
	npm run check-progress-ci

export-csv:
	npm run export-csv

serve:
	npm run serve -- --port $(PORT)
