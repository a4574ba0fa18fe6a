# The two commands of the README. Everything else is CMake (presets in CMakePresets.json).
PRESET      ?= release
BUILD_DIR   := build/$(PRESET)
CLUSTERSCOPE := $(BUILD_DIR)/src/cli/clusterscope
DEMO_DB     ?= demo.db
JOBS        ?= $(shell nproc)

.PHONY: all setup build test test-sanitize demo demo-db bench bench-http clean

all: build

# Installs missing Debian packages (quiet when all are there).
setup:
	@scripts/setup.sh

build: setup
	@cmake --preset $(PRESET) >/dev/null
	@cmake --build --preset $(PRESET) -j $(JOBS)

# The suite as built, then again built by clang under AddressSanitizer and UBSan, with each
# fuzzer run for a bounded time (tests/fuzz/); CI runs both.
test: build
	@ctest --preset $(PRESET) -j $(JOBS)
	@$(MAKE) --no-print-directory test-sanitize

test-sanitize: setup
	@cmake --preset sanitize >/dev/null
	@cmake --build --preset sanitize -j $(JOBS)
	@ctest --preset sanitize -j $(JOBS)

# A fresh demo database: the Fuling "2349" system and a generated district like Fuling
# (synth --profile fuling, calibrated to the published first half of 2023), through the imports,
# with two demo users that exist only in it (a deployed database has none until `user add`).
DEMO_DATA   := build/demo-data
DEMO_PORT   ?= 8080
demo-db: build
	@rm -rf $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB).facts $(DEMO_DATA)
	@$(CLUSTERSCOPE) synth --profile fuling --out $(DEMO_DATA) >/dev/null
	@export CLUSTERSCOPE_USER=demo; set -e; \
	  $(CLUSTERSCOPE) --db $(DEMO_DB) init; \
	  for kind in enterprises scale designations monthly prices; do \
	    $(CLUSTERSCOPE) --db $(DEMO_DB) import $$kind $(DEMO_DATA)/$$kind.csv --max-issues 3; \
	  done; \
	  $(CLUSTERSCOPE) --db $(DEMO_DB) import series demo/fuling-series.csv; \
	  $(CLUSTERSCOPE) --db $(DEMO_DB) import relations $(DEMO_DATA)/relations.csv; \
	  $(CLUSTERSCOPE) --db $(DEMO_DB) import prospects demo/fuling-prospects.csv; \
	  $(CLUSTERSCOPE) --db $(DEMO_DB) import projects demo/fuling-projects.csv; \
	  $(CLUSTERSCOPE) --db $(DEMO_DB) import matrix $(DEMO_DATA)/benchmark.csv --name chongqing-districts >/dev/null; \
	  $(CLUSTERSCOPE) --db $(DEMO_DB) import io demo/fuling-io.csv; \
	  echo 'demo-analyst-2349' | $(CLUSTERSCOPE) --db $(DEMO_DB) user add analyst --role analyst >/dev/null; \
	  echo 'demo-viewer-2349' | $(CLUSTERSCOPE) --db $(DEMO_DB) user add viewer --role viewer >/dev/null

demo: demo-db
	@echo
	@$(CLUSTERSCOPE) --db $(DEMO_DB) system show
	@echo
	@$(CLUSTERSCOPE) --db $(DEMO_DB) status
	@echo
	@$(CLUSTERSCOPE) --db $(DEMO_DB) targets
	@echo
	@$(CLUSTERSCOPE) --db $(DEMO_DB) chain list
	@echo
	@$(CLUSTERSCOPE) --db $(DEMO_DB) project list --as-of 2025-12-31
	@echo
	@$(CLUSTERSCOPE) --db $(DEMO_DB) report monthly --format headline
	@echo
	@echo "Demo database: $(abspath $(DEMO_DB)). On the command line, try:"
	@echo "  $(CLUSTERSCOPE) --db $(DEMO_DB) report monthly --period 2023-06   (the published half-year)"
	@echo "  $(CLUSTERSCOPE) --db $(DEMO_DB) report monthly --format html --out report.html   (charts; also json, xlsx, md)"
	@echo "  $(CLUSTERSCOPE) --db $(DEMO_DB) targets --format json --history   (the 2027 targets month by month)"
	@echo "  $(CLUSTERSCOPE) --db $(DEMO_DB) chain show battery   (links, enterprises, candidates to attract)"
	@echo "  $(CLUSTERSCOPE) --db $(DEMO_DB) cultivate list --ladder small_to_above   (小升规; also high_tech, little_giant, ...)"
	@echo "  $(CLUSTERSCOPE) --db $(DEMO_DB) enterprise list --name 榨菜   (then: history USCC)"
	@echo "  $(CLUSTERSCOPE) --db $(DEMO_DB) --help"
	@echo
	@echo "================================================================================"
	@echo "  Dashboard:  http://127.0.0.1:$(DEMO_PORT)/"
	@echo "  Sign in as  analyst / demo-analyst-2349   (all data)"
	@echo "          or  viewer  / demo-viewer-2349    (published figures only)"
	@echo "  These users exist only in $(DEMO_DB). API: /api/v1/ (docs/http_api.md). Ctrl-C stops."
	@echo "================================================================================"
	@$(CLUSTERSCOPE) --db $(DEMO_DB) --log-level info serve --port $(DEMO_PORT)

# The national-scale import against DuckDB's CSV load, and the monthly report against DuckDB's
# SQL, side by side (bench/): several minutes. Smaller: CLUSTERSCOPE_BENCH_ENTERPRISES=20000 make bench.
bench: build
	@command -v node >/dev/null || apt-get install -y -q nodejs npm >/dev/null
	@cd bench/duckdb && npm ci --no-audit --no-fund --silent
	@$(BUILD_DIR)/bench/import_bench $(BENCH_ARGS)
	@$(MAKE) --no-print-directory demo-db DEMO_DB=build/bench-demo.db >/dev/null
	@CLUSTERSCOPE_BENCH_DEMO_DB=build/bench-demo.db $(BUILD_DIR)/bench/report_bench $(BENCH_ARGS)
	@$(BUILD_DIR)/bench/complexity_bench $(BENCH_ARGS)
	@$(BUILD_DIR)/bench/disclosure_bench $(BENCH_ARGS)
	@$(MAKE) --no-print-directory bench-http

# The HTTP API under wrk at 64 connections against the demo district (bench/http/wrk_bench.sh).
bench-http: build
	@command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null
	@$(MAKE) --no-print-directory demo-db DEMO_DB=build/bench-demo.db >/dev/null
	@bench/http/wrk_bench.sh $(CLUSTERSCOPE) build/bench-demo.db

clean:
	@rm -rf build $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB).facts
