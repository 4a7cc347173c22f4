#!/usr/bin/env python3
"""A Service User's response endpoint for trying `smsim serve`: accepts the final DUIS responses
POSTed to it and prints one line per response (code and RequestID). Standard library only.

    python3 benchmarks/live/response-sink.py 9000
"""
import http.server
import re
import sys


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8", "replace")
        code = re.search(r"<sr:ResponseCode>([^<]*)", body)
        rid = re.search(r"<sr:RequestID>([^<]*)", body)
        print(code.group(1) if code else "?", rid.group(1) if rid else "?", flush=True)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


port = int(sys.argv[1]) if len(sys.argv) > 1 else 9000
http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
