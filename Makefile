# The two commands of README.md.
.PHONY: run test clean-demo benchmark benchmark-scale benchmark-nodes

run:  ## build (once) and serve the demo portal
	bash scripts/run-demo.sh

test:  ## the whole test suite on a throw-away database
	bash scripts/run-tests.sh

clean-demo:  ## drop the demo database, so that the next `make run` rebuilds it
	bash scripts/drop-demo.sh

benchmark:  ## query counts and latency of our portal pages against native ones
	bash scripts/benchmark.sh

benchmark-scale:  ## the 100,000-ticket benchmark (builds portal_scale once), into docs/benchmarks.md
	bash scripts/benchmark-scale.sh

benchmark-nodes:  ## 50 simultaneous submissions: workers=2, two nodes behind nginx; memory
	bash scripts/benchmark-nodes.sh
