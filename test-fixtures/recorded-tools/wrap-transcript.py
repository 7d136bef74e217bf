#!/usr/bin/env python3
# Splits a transcript ("=== <file name>" then one SOAP body element) into files, each the
# envelope exactly as the recorded server wrote it around the body.
import sys, os
HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
        '<soapenv:Envelope xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/"\n'
        ' xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"\n'
        ' xmlns:xsd="http://www.w3.org/2001/XMLSchema"\n'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n<soapenv:Body>\n')
TAIL = '\n</soapenv:Body>\n</soapenv:Envelope>'
src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
name, buf = None, []
def flush():
    if name:
        body = ''.join(buf).strip('\n')
        with open(os.path.join(out, name), 'w', encoding='utf-8') as f:
            f.write(HEAD + body + TAIL)
for line in open(src, encoding='utf-8'):
    if line.startswith('=== '):
        flush(); name, buf = line[4:].strip(), []
    else:
        buf.append(line)
flush()
