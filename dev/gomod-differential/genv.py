import random, sys
rnd = random.Random(int(sys.argv[1]))
nums = ['0','1','2','9','10','01','00','123','99999999999999999999']
ids = ['alpha','beta','rc','0','1','01','11','x-y','','pre','a.b','0.0']
def ver():
    r = rnd.random()
    v = rnd.choice(['v','v','v','','V'])
    k = rnd.random()
    v += rnd.choice(nums)
    if k > 0.1: v += '.' + rnd.choice(nums)
    if k > 0.2: v += '.' + rnd.choice(nums)
    if rnd.random() < 0.4:
        v += '-' + '.'.join(rnd.choice(ids) for _ in range(rnd.randint(1,3)))
    if rnd.random() < 0.25:
        ts = rnd.choice(['20230102030405','00010101000000','20231301000000','20230230000000','20240229235959','2023010203040','99991231235959','20230102250000'])
        v += rnd.choice(['-','.0.','-0.']) + ts + '-' + rnd.choice(['abcdefabcdef','000000000000','x','ABC123','a_b'])
    if rnd.random() < 0.2:
        v += rnd.choice(['+incompatible','+build.7','+','+a..b','+x'])
    if rnd.random() < 0.05: v = rnd.choice(['example.com/a/v2','gopkg.in/yaml.v3','gopkg.in/x.v0','gopkg.in/y.v1-unstable','a/v1','a/v0','a/v2.1','/v2','gopkg.in/z'])
    return v
for _ in range(int(sys.argv[2])): print(ver())
