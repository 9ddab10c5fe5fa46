import random, sys, os
seed = int(sys.argv[1]); n = int(sys.argv[2]); out = sys.argv[3]
rnd = random.Random(seed)
os.makedirs(out, exist_ok=True)
paths = ['example.com/a','example.com/a/v2','example.com/b/v3','gopkg.in/yaml.v3','gopkg.in/yaml.v1','gopkg.in/x','gopkg.in/x.v0','gopkg.in/check.v1-unstable',
 './dir','../dir','.','..','/abs/p','C:\\win','.\\x','\\root','"example.com/q"','"ex ample.com/sp"','`raw.com/x`','a@v1.0.0','x/v1','x/v0','x/v2.1','""','"\\u00e9t\\x41"',
 'exämple.com/ü','a"b',"it's",'example.com/p/v2','"unterminated\\q"','"tab\\t"','"\\xff"','"\\400"','"\\777"']
vers = ['v1.2.3','v1.2','v1','v2.0.0+incompatible','v1.5.0+build.7','v0.0.0-20230102030405-abcdefabcdef','v1.2.4-0.20230102030405-abcdefabcdef',
 'v2.0.1-0.20230102030405-abcdefabcdef+incompatible','v1.3.0-rc.1.0.20230102030405-abcdefabcdef','v1.2.3-rc.01','1.2.3','"v1.0.0"','latest','v2.0.0','v3.1.0',
 'v0.0.0-00010101000000-000000000000','v1.0.0-pre','v01.2.3','v1.2.3+','"v1\\.0"','`v1.0.0`','v1.2.3-+x','v9999999999999999.0.0']
govers = ['1.21','1.21.0','1.21rc1','1.21.0.1','1','v1.21','1.21x','1.22.4','1.9','01.2','1.21beta2','"1.21"','1.2.3.4']
tcs = ['go1.22.4','default','go2','go1','go1.x-y','1.22','go1.21rc1','godefault','go1.22.4-custom']
godebugs = ['k=v','default=go1.21','k','"k=v"','k=v,x','=v','k=','panicnil=1']
misc = ['=>','[',']',',','(',')','{','}','x','extra']
cm = ['// indirect','// indirect; reason','// Deprecated: gone','//','// text','//indirect','// indirect;','// Deprecated:','// Deprecated: a\n//\n// more','//\tindirect']
def tok(kind):
    if kind=='p': return rnd.choice(paths)
    if kind=='v': return rnd.choice(vers)
    return rnd.choice(misc)
def args_for(verb, work):
    r = rnd.random()
    if verb=='module': a=[tok('p')]
    elif verb=='go': a=[rnd.choice(govers)]
    elif verb=='toolchain': a=[rnd.choice(tcs)]
    elif verb=='godebug': a=[rnd.choice(godebugs)]
    elif verb in ('require','exclude'): a=[tok('p'),tok('v')]
    elif verb=='replace':
        a=[tok('p')]
        if rnd.random()<0.5: a.append(tok('v'))
        a.append('=>'); a.append(tok('p'))
        if rnd.random()<0.5: a.append(tok('v'))
    elif verb=='retract':
        if rnd.random()<0.5: a=[tok('v')]
        else: a=['[',tok('v'),',',tok('v'),']']
    elif verb in ('tool','use','ignore'): a=[tok('p')]
    else: a=[tok('p')]
    if r<0.08 and a: a.pop(rnd.randrange(len(a)))
    elif r<0.16: a.insert(rnd.randrange(len(a)+1), tok(rnd.choice('pvm')))
    return a
def line(verb, work, inblock):
    a = args_for(verb, work)
    toks = a if inblock else [verb]+a
    s = ' '.join(toks) if toks else verb
    if rnd.random()<0.35: s += ' ' + rnd.choice(cm).split('\n')[0]
    return s
def gen(work):
    verbs = ['go','toolchain','godebug','use','replace'] if work else ['module','go','toolchain','godebug','require','exclude','replace','retract','tool']
    extra = ['unknown','require','use','module','go'] 
    L=[]
    for _ in range(rnd.randint(0,12)):
        r = rnd.random()
        verb = rnd.choice(verbs) if rnd.random()<0.93 else rnd.choice(extra)
        if r<0.1: L.append('')
        elif r<0.2: L.extend(rnd.choice(cm).split('\n'))
        elif r<0.4:
            head = verb + (' x' if rnd.random()<0.05 else '') + ' ('
            if rnd.random()<0.2: head += ' ' + rnd.choice(cm).split('\n')[0]
            L.append(head)
            for _ in range(rnd.randint(0,4)):
                q=rnd.random()
                if q<0.15: L.append('')
                elif q<0.3: L.append('\t'+rnd.choice(cm).split('\n')[0])
                else: L.append('\t'+line(verb, work, True))
            end = ')'
            if rnd.random()<0.1: end += ' ' + rnd.choice(['// c','x'])
            if rnd.random()>0.03: L.append(end)
        elif r<0.43: L.append(verb+' ()' + rnd.choice(['',' // c',' x']))
        elif r<0.45: L.append(verb+' ( ) x')
        else: L.append(line(verb, work, False))
    text = '\n'.join(L)
    if rnd.random()<0.8: text+='\n'
    if rnd.random()<0.1: text = text.replace('\n','\r\n')
    b = text.encode('utf-8')
    q = rnd.random()
    if q<0.12 and b:
        i = rnd.randrange(len(b)+1)
        ins = rnd.choice([b'/*', b'\x00', b'\x0b', b'"', b'`', b'\xff', b'\xc3', b'\xef\xbb\xbf', b'\xc2\xa0', b'\\\n', b'"a\\\nb"', b'\xe2\x80\xa8', b'\t\t', b'//x', b'(', b')', b'\n)\n', b'\xf0\x9f\x98\x80'])
        b = b[:i]+ins+b[i:]
    elif q<0.2 and b:
        i = rnd.randrange(len(b)); b = b[:i]+bytes([rnd.randrange(256)])+b[i+1:]
    elif q<0.25 and b:
        b = b[:rnd.randrange(len(b))]
    return b
for i in range(n):
    work = rnd.random()<0.25
    name = os.path.join(out, 'c%05d.%s' % (i, 'go.work' if work else 'go.mod'))
    open(name,'wb').write(gen(work))
