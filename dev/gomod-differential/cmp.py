import json, sys, re
g = json.load(open(sys.argv[1])); j = json.load(open(sys.argv[2]))
def loc(e): return [re.match(r'^[^:]*:\d+(:\d+)?:', l).group(0) if re.match(r'^[^:]*:\d+(:\d+)?:', l) else l for l in e.split('\n') if re.match(r'^[^:]*:\d+', l)]
bad=0; msg=0; crash=0
for a,b in zip(g,j):
    if 'crash' in b: crash+=1; print('CRASH', b); continue
    if ('error' in a) != ('error' in b):
        bad+=1; print('MISMATCH kind', a['file'], '\n GO:', a.get('error'), '\n JV:', b.get('error')); continue
    if 'error' in a:
        if loc(a['error']) != loc(b['error']):
            bad+=1; print('MISMATCH errloc', a['file'], '\n GO:', a['error'], '\n JV:', b['error'])
        elif a['error'] != b['error']:
            msg+=1
            if '-v' in sys.argv: print('MSG', a['file'], '\n GO:', a['error'], '\n JV:', b['error'])
        continue
    if a != b:
        bad+=1; print('MISMATCH value', a['file'], '\n GO:', json.dumps(a, ensure_ascii=False), '\n JV:', json.dumps(b, ensure_ascii=False))
print('cases', len(g), 'mismatch', bad, 'message-wording-diffs', msg, 'crash', crash)
