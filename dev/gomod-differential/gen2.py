import random, sys, os
seed=int(sys.argv[1]); n=int(sys.argv[2]); out=sys.argv[3]
rnd=random.Random(seed); os.makedirs(out, exist_ok=True)
coms=['// indirect','// indirect; why','//indirect','//  indirect ;x','// indirect;','// Deprecated: use x','// Deprecated:  two  spaces','//Deprecated: tight','// text','//','// a Deprecated: inline','//\tDeprecated: tab','// Deprecated: p1\u00e9']
def c(): return rnd.choice(coms)
def maybe_suffix(s):
    return s + (' ' + c() if rnd.random()<0.5 else '')
def comment_lines():
    L=[]
    for _ in range(rnd.randint(0,3)):
        L.append(rnd.choice([c(), '', '//', '// Deprecated: para', '// more text']))
    return L
vs=['v1.0.0','v1.2','v0.9.0-rc.1','v1.0.1+meta','v2.0.0+incompatible','v0.0.0-20230102030405-abcdefabcdef']
def gen():
    L=[]
    # module, maybe in block
    L+=comment_lines()
    if rnd.random()<0.3:
        L.append(maybe_suffix('module ('))
        L+=['\t'+x for x in comment_lines()]
        L.append('\t'+maybe_suffix('example.com/m'))
        L+=['\t'+x for x in comment_lines()]
        L.append(maybe_suffix(')'))
    else:
        L.append(maybe_suffix('module example.com/m'))
    for _ in range(rnd.randint(1,6)):
        L+=comment_lines()
        k=rnd.choice(['retract','require','retractblock','requireblock','empty'])
        if k=='retract': L.append(maybe_suffix('retract '+rnd.choice([rnd.choice(vs),'[v1.0.0, v1.1.0]','[ v1.0.0 , v1.2 ]'])))
        elif k=='require': L.append(maybe_suffix('require example.com/x%d %s' % (rnd.randrange(9), rnd.choice(vs))))
        elif k=='empty': L.append(maybe_suffix(rnd.choice(['retract','require'])+' ()'))
        else:
            verb = 'retract' if k=='retractblock' else 'require'
            L.append(maybe_suffix(verb+' ('))
            for _ in range(rnd.randint(0,5)):
                L+=['\t'+x for x in comment_lines()]
                if verb=='retract': L.append('\t'+maybe_suffix(rnd.choice([rnd.choice(vs),'[v1.0.0, v1.1.0]'])))
                else: L.append('\t'+maybe_suffix('example.com/y%d %s' % (rnd.randrange(9), rnd.choice(vs))))
            L+=['\t'+x for x in comment_lines()]
            L.append(maybe_suffix(')'))
    L+=comment_lines()
    return ('\n'.join(L)+'\n').encode()
for i in range(n):
    open(os.path.join(out,'d%05d.go.mod'%i),'wb').write(gen())
