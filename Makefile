# Two commands from a fresh clone: `make book`, then `make test`.
# Everything Python runs inside .venv/, rebuilt whenever requirements.txt changes. The system
# programs they need (Node.js with npm; Chromium for the tests; Java for make bench) are installed by
# tools/system_deps.py when missing: with apt-get, as root or through `sudo -n`. Elsewhere it
# stops with the command to run. NO_SYSTEM_INSTALL=1 turns the installing off.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help book test lab bench mutants notebooks student nbgrader grade lock clean distclean system-book system-test system-bench

help:
	@echo "make book       build the site into _build/html (creates .venv on first use;"
	@echo "                installs Node.js and npm with apt-get if missing)"
	@echo "make test       unit tests, nbval over every notebook, strict book build, and the"
	@echo "                browser tests of the site in Chromium (installed with apt-get if missing)"
	@echo "make lab        open the reader's edition of the notebooks in JupyterLab (written to"
	@echo "                _build/reader again when the book changes; edited notebooks are"
	@echo "                copied to _build/reader-edits first)"
	@echo "make bench      print the benchmark figures (installs Java and the npm dev packages"
	@echo "                Lighthouse and the Nu Html Checker if missing)"
	@echo "make mutants    mutation testing of helpers/ (mutmut, about 20 minutes); prints the score"
	@echo "make notebooks  re-execute every notebook from a clean kernel and store its outputs"
	@echo "make student    write the student edition (no solutions) to _build/student and _build/student.zip"
	@echo "make nbgrader   write an nbgrader course (one assignment per chapter) to _build/nbgrader"
	@echo "make grade SUBMISSIONS=folder [TIMEOUT=30] [JOBS=2]"
	@echo "                grade the students' returned notebooks with nbgrader into _build/grades"
	@echo "make lock       re-pin requirements.txt from requirements.in"
	@echo "make clean      remove _build/ and mutants/"
	@echo "make distclean  remove _build/, mutants/, .venv/ and web/node_modules/"

# Only requirements.txt remakes .venv. Its last line, `-e .`, installs helpers/ in editable mode:
# Python reads helpers/ where it is, so neither an edit there nor one to the settings of pytest,
# mutmut or ruff in pyproject.toml needs a new .venv. (Should [project] or [tool.setuptools]
# ever name another package, run `.venv/bin/pip install --no-deps -e .` once.)
$(READY): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=/path/to/python3.11")'
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==26.3
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

# Listed first, so that a missing program stops the build before anything else happens.
system-book:
	@$(PYTHON) tools/system_deps.py book

system-test:
	@$(PYTHON) tools/system_deps.py test

system-bench:
	@$(PYTHON) tools/system_deps.py bench

book: system-book $(READY)
	$(BIN)/python tools/build_book.py
	@echo "Open the book: $(CURDIR)/_build/html/index.html"

test: system-test $(READY)
	$(BIN)/python -m pytest

# JupyterLab will not start as root (containers, classroom VMs) unless it is told it may.
LAB_AS_ROOT = $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root)

# make lab opens the reader's edition (tools/editions.py), not book/, whose MyST markup Jupyter
# shows raw. It is written to _build/reader again only when the book, helpers/, the generator
# or the requirements changed since; a notebook edited there is first copied to _build/reader-edits.
READER        := _build/reader
READER_STAMP  := $(READER)/.written
JUPYTER_LAB   ?= $(BIN)/jupyter lab

$(READER_STAMP): $(wildcard book/*.ipynb) $(wildcard helpers/*.py) $(wildcard helpers/*.json) tools/editions.py requirements.txt | $(READY)
	$(BIN)/python tools/editions.py reader $(READER) --save-edits
	touch $@

# JupyterLab reads overrides.json in the edition's jupyterlab-settings/ (tools/editions.py): no
# prompt to fetch Jupyter's news from the internet.
lab: $(READER_STAMP)
	$(JUPYTER_LAB) $(LAB_AS_ROOT) --LabApp.app_settings_dir=$(READER)/jupyterlab-settings $(READER)

# Also Java, for the Nu Html Checker; bench.py installs Lighthouse and the checker (npm dev packages).
bench: system-bench $(READY)
	$(BIN)/python benchmarks/bench.py

# mutmut copies helpers/ and tests/ into mutants/, runs the fast tests on every mutant
# (settings in pyproject.toml, [tool.mutmut]), then tools/mutation_score.py prints the score.
mutants: $(READY)
	rm -rf mutants && mkdir -p _build
	$(BIN)/mutmut run --max-children $$(nproc 2>/dev/null || echo 2) > _build/mutmut.log 2>&1 \
	  || { tail -n 40 _build/mutmut.log; echo "mutmut failed: see _build/mutmut.log"; exit 1; }
	$(BIN)/python tools/mutation_score.py

notebooks: $(READY)
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.store_widget_state=False book/*.ipynb

student: $(READY)
	$(BIN)/python tools/editions.py student

nbgrader: $(READY)
	$(BIN)/python tools/editions.py nbgrader

# Runs the students' code: on a shared machine, in a container or as an unprivileged user.
TIMEOUT ?= 30
JOBS    ?= 2
grade: $(READY)
	$(BIN)/python tools/grade.py "$(SUBMISSIONS)" --timeout $(TIMEOUT) --jobs $(JOBS)

lock:
	rm -rf _build/lock-venv
	$(PYTHON) -m venv _build/lock-venv
	_build/lock-venv/bin/python -m pip install --quiet --upgrade pip==26.3
	_build/lock-venv/bin/python -m pip install --quiet -r requirements.in
	{ echo "# Generated by 'make lock' from requirements.in: every package pinned exactly."; \
	  _build/lock-venv/bin/python -m pip freeze --exclude-editable; \
	  echo "-e ."; } > requirements.txt
	rm -rf _build/lock-venv

clean:
	rm -rf _build mutants

distclean: clean
	rm -rf $(VENV) web/node_modules
