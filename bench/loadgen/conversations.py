#!/usr/bin/env python3
"""conversations.py URL COUNT: starts COUNT conversations with POST URL/v1/query, 20 at a time, and prints their ids.

bench/run.sh gives wrk these ids so that every measured request is a follow-up question, the common case in a chat.
"""

import json
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor


def start(url):
    # against the slow fake, a first answer takes a minute: wait for it well past that
    request = urllib.request.Request(f"{url}/v1/query", data=b'{"query": "start"}',
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=300) as response:
        return json.load(response)["conversation_id"]


def main(url, count):
    with ThreadPoolExecutor(20) as pool:
        for conversation_id in pool.map(lambda _: start(url), range(count)):
            print(conversation_id)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
