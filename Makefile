# The two commands of the README. Everything else is CMake (presets in CMakePresets.json).
PRESET      ?= release
BUILD_DIR   := build/$(PRESET)
CLUSTERSCOPE := $(BUILD_DIR)/src/cli/clusterscope
DEMO_DB     ?= demo.db
JOBS        ?= $(shell nproc)

.PHONY: all setup build test demo clean

all: build

# Installs missing Debian packages (quiet when all are there).
setup:
	@scripts/setup.sh

build: setup
	@cmake --preset $(PRESET) >/dev/null
	@cmake --build --preset $(PRESET) -j $(JOBS)

test: build
	@ctest --preset $(PRESET) -j $(JOBS)

# A fresh demo database with the Fuling "2349" system and the demo registry, then shows it.
demo: build
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	@CLUSTERSCOPE_USER=demo $(CLUSTERSCOPE) --db $(DEMO_DB) init
	@CLUSTERSCOPE_USER=demo $(CLUSTERSCOPE) --db $(DEMO_DB) import enterprises data/demo/enterprises.csv --year 2023
	@CLUSTERSCOPE_USER=demo $(CLUSTERSCOPE) --db $(DEMO_DB) import designations data/demo/designations.csv
	@echo
	@$(CLUSTERSCOPE) --db $(DEMO_DB) system show
	@echo
	@echo "Demo database: $(abspath $(DEMO_DB)). Try:"
	@echo "  $(CLUSTERSCOPE) --db $(DEMO_DB) enterprise list --cluster L2"
	@echo "  $(CLUSTERSCOPE) --db $(DEMO_DB) designation list --active-on 2024-01-01"
	@echo "  $(CLUSTERSCOPE) --db $(DEMO_DB) --help"

clean:
	@rm -rf build $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
