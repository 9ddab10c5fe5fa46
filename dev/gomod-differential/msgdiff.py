import json, collections, re
g=json.load(open('go.json')); j=json.load(open('java.json'))
c=collections.Counter(); ex={}
for a,b in zip(g,j):
    if 'error' in a and 'error' in b:
        for x,y in zip(a['error'].split('\n'), b['error'].split('\n')):
            if x!=y:
                k=re.sub(r'^[^:]*:\d+(:\d+)?: ','',x)[:50]; c[k]+=1; ex[k]=(x,y)
for k,v in c.most_common(20): print(v, '\n GO:', ex[k][0], '\n JV:', ex[k][1])
