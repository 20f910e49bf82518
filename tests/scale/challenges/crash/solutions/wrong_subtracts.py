# expect: wrong_answer
def add(a, b):
    return a - b
