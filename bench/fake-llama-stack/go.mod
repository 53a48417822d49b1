module lightspeed-stack/bench/fake-llama-stack

go 1.19
